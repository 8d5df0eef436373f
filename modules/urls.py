from django.urls import path

from modules import views

urlpatterns = [
    path("mijn-leeromgeving/", views.my_learning, name="my_learning"),
]
