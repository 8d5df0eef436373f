from django.urls import path

from modules.learning import quiz_views, team_kit_views, views

urlpatterns = [
    path(
        "les/<int:lesson_id>/afronden/",
        views.lesson_complete_view,
        name="lesson_complete",
    ),
    path(
        "dilemma/<int:page_id>/<str:block_id>/kiezen/",
        views.dilemma_choose_view,
        name="dilemma_choose",
    ),
    path("certificaat/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("certificaat/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("module/<int:module_id>/toets/", quiz_views.quiz_start, name="quiz_start"),
    path(
        "module/<int:module_id>/toets/nieuwe-ronde/",
        quiz_views.retake_request,
        name="retake_request",
    ),
    path("module/<int:module_id>/werkoverleg/", team_kit_views.team_kit_view, name="team_kit"),
    path("toets/<uuid:public_id>/", quiz_views.attempt_view, name="attempt"),
    path("toets/<uuid:public_id>/uitslag/", quiz_views.attempt_result, name="attempt_result"),
]
