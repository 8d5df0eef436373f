"""Learner URLs of the quiz engine (Dutch paths, like the rest of the site)."""

from django.urls import path

from quizzes import views

urlpatterns = [
    path("module/<int:module_id>/toets/", views.quiz_start, name="quiz_start"),
    path("toets/<uuid:public_id>/", views.attempt_view, name="attempt"),
    path("toets/<uuid:public_id>/uitslag/", views.attempt_result, name="attempt_result"),
]
