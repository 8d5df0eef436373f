"""Learner URLs for sessions (Dutch paths, like the rest of the site)."""

from django.urls import path

from modules.awareness import views

urlpatterns = [
    path("bijeenkomst/<int:session_id>/aanmelden/", views.register, name="session_register"),
    path("bijeenkomst/<int:session_id>/afmelden/", views.cancel, name="session_cancel"),
    path(
        "bijeenkomst/<int:session_id>/plek-aannemen/",
        views.accept_offer,
        name="session_offer_accept",
    ),
    path(
        "bijeenkomst/<int:session_id>/plek-afslaan/",
        views.decline_offer,
        name="session_offer_decline",
    ),
    path("bijeenkomst/<int:session_id>/inchecken/", views.check_in, name="session_checkin"),
    path("bijeenkomst/<int:session_id>/agenda.ics", views.calendar_file, name="session_ics"),
]
