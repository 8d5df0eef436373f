"""Home page, the "Signaal melden" page, and the editable reporting routes behind it.

The reporting routes are a setting, not page text: the kernteam changes an address once and
every page and lesson that shows the routes (see ``home/includes/reporting_routes.html``)
follows.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.pages import RouteCachedPage

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HomePage(RouteCachedPage, Page):
    """The landing page: what Weerbaar is, with the way to learning and to reporting."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    # No Wagtail privacy here: it would cascade onto the learner pages below, whose privacy is
    # their audience (modules.pages.AudienceRestrictedPage), the one rule every view checks.
    private_page_options: list[str] = []
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        # Inside: home.selectors imports these models (the page ↔ selectors cycle of home).
        from home.selectors import reporting_page

        context = super().get_context(request, *args, **kwargs)
        context["reporting_page"] = reporting_page()
        return context


class ReportingPage(RouteCachedPage, Page):
    """ "Signaal melden": how and where to report, with the routes from the setting."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    after_reporting = RichTextField(
        _("what happens after you report"), features=RICH_TEXT_FEATURES, blank=True
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("after_reporting")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("after_reporting"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("reporting page")


class ContentPage(RouteCachedPage, Page):
    """A plain text page, for example the accessibility statement or the privacy statement."""

    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.ContentPage"]

    class Meta:
        verbose_name = _("content page")


@register_setting(icon="warning")
class ReportingRoutes(ClusterableModel, BaseGenericSetting):
    """Where staff report a signal of ondermijning; edited by the kernteam."""

    kernteam_email = models.EmailField(
        _("core team mailbox"),
        blank=True,
        help_text=_("The mailbox of the core team on subversive crime."),
    )
    kernteam_phone = models.CharField(_("core team phone number"), max_length=32, blank=True)
    meld_een_vermoeden_url = models.URLField(
        _("link to 'Meld een Vermoeden'"),
        blank=True,
        help_text=_("The form in the case system where staff report a suspicion."),
    )
    meld_een_vermoeden_instructions = models.TextField(
        _("how to find 'Meld een Vermoeden'"),
        blank=True,
        help_text=_("Short steps for finding the form in the case system."),
    )
    meld_misdaad_anoniem_phone = models.CharField(
        _("Meld Misdaad Anoniem phone number"), max_length=32, default="0800-7000"
    )
    meld_misdaad_anoniem_url = models.URLField(
        _("Meld Misdaad Anoniem website"), default="https://www.meldmisdaadanoniem.nl"
    )
    police_phone = models.CharField(
        _("police phone number (no emergency)"), max_length=32, default="0900-8844"
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("kernteam_email"), FieldPanel("kernteam_phone")],
            heading=_("Core team on subversive crime"),
        ),
        MultiFieldPanel(
            [FieldPanel("meld_een_vermoeden_url"), FieldPanel("meld_een_vermoeden_instructions")],
            heading=_("Meld een Vermoeden"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("meld_misdaad_anoniem_phone"),
                FieldPanel("meld_misdaad_anoniem_url"),
                FieldPanel("police_phone"),
            ],
            heading=_("Anonymous and police"),
        ),
        InlinePanel(
            "department_contacts",
            heading=_("Contact person per department"),
            label=_("contact person"),
        ),
    ]

    class Meta:
        verbose_name = _("reporting routes")


class DepartmentContact(Orderable):
    """The colleague in a department with subversive crime as a focus task."""

    routes = ParentalKey(
        ReportingRoutes, on_delete=models.CASCADE, related_name="department_contacts"
    )
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("department"),
        on_delete=models.CASCADE,
        related_name="reporting_contacts",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=32, blank=True)

    panels = [
        FieldPanel("department"),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        constraints = [
            models.UniqueConstraint(
                fields=["routes", "department"], name="home_one_contact_per_department"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.department})"
