from django.urls import path

from modules.scorm import views

urlpatterns = [
    # Content origin only (modules.scorm.middleware keeps everything else off that host).
    path("scorm/inhoud/<str:token>/", views.content_wrapper, name="scorm_content_wrapper"),
    path("scorm/inhoud/<str:token>/<path:path>", views.content_file, name="scorm_content_file"),
    # The site: the learner's lesson page posts what the content committed.
    path(
        "scorm/voortgang/<int:lesson_id>/<int:package_id>/",
        views.track,
        name="scorm_track",
    ),
]
