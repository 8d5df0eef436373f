"""Home page, "Signaal melden" page and the reporting routes setting."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from accounts.roles import Role
from home.models import ContentPage, HomePage, ReportingPage
from home.services import reporting_page_create, reporting_routes_update, site_install_home_page
from tests.factories import DepartmentFactory, UserFactory


@pytest.fixture
def home(db):
    return site_install_home_page(
        title="Samen weerbaar", intro="<p>Leer signalen herkennen.</p>", body="<p>Meer.</p>"
    )


@pytest.fixture
def reporting(home):
    return reporting_page_create(
        home=home,
        title="Signaal melden",
        slug="signaal-melden",
        intro="<p>Zie je iets?</p>",
        after_reporting="<p>Het kernteam kijkt ernaar.</p>",
    )


class TestPageTree(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_reporting_page_lives_under_home(self):
        self.assertCanCreateAt(HomePage, ReportingPage)
        self.assertCanNotCreateAt(Page, ReportingPage)
        self.assertCanNotCreateAt(ReportingPage, ContentPage)

    def test_pages_render(self):
        home = site_install_home_page(title="Weerbaar", intro="<p>Intro</p>")
        page = reporting_page_create(
            home=home, title="Signaal melden", slug="melden", intro="<p>x</p>", after_reporting=""
        )
        self.assertPageIsRenderable(home)
        self.assertPageIsRenderable(page)


def test_home_page_is_the_site_root_and_links_to_learning_and_reporting(client, reporting):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="nl">' in body
    assert "Samen weerbaar" in body
    assert f'href="{reverse("my_learning")}"' in body
    assert 'href="/signaal-melden/"' in body
    assert "Naar de inhoud" in body  # skip link
    assert 'id="inhoud"' in body


def test_reporting_page_shows_the_routes_from_the_setting(client, reporting):
    reporting_routes_update(
        kernteam_email="kernteam@weerbaar.test", meld_een_vermoeden_url="https://zaak.example/mev"
    )
    body = client.get(reporting.url).content.decode()
    assert "mailto:kernteam@weerbaar.test" in body
    assert "https://zaak.example/mev" in body
    assert "0800-7000" in body  # Meld Misdaad Anoniem, default from the setting

    # The kernteam changes the mailbox once; the page follows.
    reporting_routes_update(kernteam_email="nieuw-adres@weerbaar.test")
    body = client.get(reporting.url).content.decode()
    assert "nieuw-adres@weerbaar.test" in body
    assert "kernteam@weerbaar.test" not in body


def test_department_contacts_are_only_shown_to_logged_in_staff(client, reporting):
    own, other = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="Wijkmanagement")
    reporting_routes_update(
        contacts=[(own, "Pieter de Vries", "p@weerbaar.test"), (other, "Sanne", "s@weerbaar.test")]
    )
    anonymous = client.get(reporting.url).content.decode()
    assert "Pieter de Vries" not in anonymous
    assert "Log in om de contactpersoon" in anonymous

    client.force_login(UserFactory(department=own, roles=[Role.MEDEWERKER]))
    body = client.get(reporting.url).content.decode()
    assert "Jouw contactpersoon bij Publiekszaken" in body
    assert "Sanne" in body


def test_reporting_routes_update_rejects_unknown_fields(db):
    with pytest.raises(ValueError, match="Unknown reporting route field"):
        reporting_routes_update(not_a_field="x")


@pytest.mark.parametrize("contacts", [1, 25])
def test_reporting_page_query_count_does_not_grow(
    client, reporting, django_assert_max_num_queries, contacts
):
    departments = [DepartmentFactory() for _ in range(contacts)]
    reporting_routes_update(contacts=[(d, f"Contact {d.pk}", "") for d in departments])
    client.force_login(UserFactory(department=departments[0]))
    with django_assert_max_num_queries(18):
        assert client.get(reporting.url).status_code == 200


@pytest.mark.parametrize("users", [1, 30])
def test_home_and_dashboard_query_counts_do_not_grow(
    client, reporting, django_assert_max_num_queries, users
):
    people = [UserFactory() for _ in range(users)]
    client.force_login(people[0])
    with django_assert_max_num_queries(14):
        assert client.get("/").status_code == 200
    with django_assert_max_num_queries(19):  # sessions, yearly requirement, new trends, reflections
        assert client.get(reverse("my_learning")).status_code == 200


def test_unknown_page_gives_a_dutch_404(client, home):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def _kernteam_route(body: str) -> str:
    """The list item of the kernteam's route on the "Signaal melden" page ('' if absent)."""
    start = body.find("Het kernteam ondermijning</h")
    if start == -1:
        return ""
    return body[start : body.index("</li>", start)]


def test_kernteam_route_without_a_phone_number_shows_only_the_mailbox(client, reporting):
    reporting_routes_update(kernteam_email="kernteam@weerbaar.test", kernteam_phone="")
    route = _kernteam_route(client.get(reporting.url).content.decode())
    assert 'href="mailto:kernteam@weerbaar.test"' in route
    assert "telefoon" not in route and "·" not in route

    reporting_routes_update(kernteam_phone="0000 voorbeeld")
    route = _kernteam_route(client.get(reporting.url).content.decode())
    assert "kernteam@weerbaar.test</a>" in route and "· telefoon 0000 voorbeeld" in route


def test_kernteam_route_is_left_out_without_mailbox_or_phone(client, reporting):
    reporting_routes_update(kernteam_email="", kernteam_phone="")
    body = client.get(reporting.url).content.decode()
    assert _kernteam_route(body) == ""
    assert "Meld Misdaad Anoniem" in body  # the other routes stay


def test_meld_een_vermoeden_steps_keep_their_line_breaks(client, reporting):
    reporting_routes_update(meld_een_vermoeden_instructions="Dit is een voorbeeld.\nStap 1.")
    body = client.get(reporting.url).content.decode()
    assert "Dit is een voorbeeld.<br>Stap 1." in body
