from django.urls import path

from modules import views

urlpatterns = [
    path("mijn-leeromgeving/", views.my_learning, name="my_learning"),
    path(
        "les/<int:lesson_id>/afronden/",
        views.lesson_complete_view,
        name="lesson_complete",
    ),
]
