"""URL configuration: accounts, health check, SCIM, learning pages, Wagtail admin and pages."""

from pathlib import Path

from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from core import views as core_views
from portal import views as portal_views

# Wagtail's and Django's own login forms have neither allauth's rate limits nor its MFA stage.
# These patterns come before Wagtail's, so the URLs stay but only send people to allauth's login
# (keeping ``next``), whatever the method: they never check a password.
_to_allauth_login = RedirectView.as_view(pattern_name="account_login", query_string=True)

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/login/", _to_allauth_login),
    path("_util/login/", _to_allauth_login),
    path("admin/", include(wagtailadmin_urls)),
    # Addresses come from HR: this page replaces allauth's add/remove/make-primary screen.
    path("accounts/email/", accounts_views.EmailFromHRView.as_view(), name="account_email"),
    path("accounts/", include("allauth.urls")),
    path("documenten/", include(wagtaildocs_urls)),
    # SCIM 2.0 provisioning from Entra ID (bearer tokens per client; docs/provisioning.md).
    path("scim/v2/", include("provisioning.urls")),
    path("", include("modules.learning.urls")),
    path("", include("modules.awareness.urls")),
    path("", include("modules.scorm.urls")),
    path("mijn-leeromgeving/", portal_views.my_learning, name="my_learning"),
    path("zoeken/", portal_views.site_search, name="search"),
    path("mijn-gegevens/", portal_views.my_data_view, name="my_data"),
    path("mijn-gegevens/download/", portal_views.my_data_download, name="my_data_download"),
    path("mijn-gegevens/verwijderen/", portal_views.my_data_delete, name="my_data_delete"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images (originals and renditions) straight from disk while developing; documents never:
    # they are served only by Wagtail's view under /documenten/, which checks login and audience.
    for folder in ("original_images", "images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=Path(settings.MEDIA_ROOT) / folder
        )

urlpatterns += [path("", include(wagtail_urls))]

handler403 = "core.views.permission_denied"
