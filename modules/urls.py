from django.urls import path

from modules import views

urlpatterns = [
    path("mijn-leeromgeving/", views.my_learning, name="my_learning"),
    path(
        "les/<int:lesson_id>/afronden/",
        views.lesson_complete_view,
        name="lesson_complete",
    ),
    path("certificaat/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("certificaat/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
]
