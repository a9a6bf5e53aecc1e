"""Forms (issue 15): the error summary names every error and links to its field; the update form starts from
where the activity stands; an empty list of milestones says what to do instead of "Geen keuzes."."""

import re
from datetime import date

from django.urls import reverse

import pytest

from accounts.constants import Rol
from actielijnen.models import Mijlpaal, Voortgangsrapportage
from tests.accounts.factories import UserFactory
from tests.actielijnen.factories import ActiviteitFactory

UPDATE = {
    "periode": "2025-05",
    "rag": "oranje",
    "percentage_gereed": "35",
    "fase": "uitvoering",
    "status": "lopend",
    "toelichting": "De eerste wijkbijeenkomsten zijn gehouden.",
}


@pytest.fixture
def trekker(db):
    return UserFactory(rollen=[Rol.TREKKER], username="tessa")


@pytest.fixture
def activiteit(trekker):
    return ActiviteitFactory(trekker=trekker, met_opdracht=True)


def _formulier(client, activiteit, data=None):
    url = reverse("actielijnen:voortgang_create", args=[activiteit.sleutel])
    antwoord = client.post(url, data) if data is not None else client.get(url)
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def _samenvatting(html: str) -> str:
    begin = html.index('id="foutmeldingen"')
    return html[begin : html.index("</div>", begin)]


@pytest.mark.django_db
def test_the_error_summary_links_each_error_to_its_field_with_the_fields_label(client, trekker, activiteit):
    client.force_login(trekker)
    html = _formulier(
        client,
        activiteit,
        {**UPDATE, "periode": "mei", "rag": "", "percentage_gereed": "150", "toelichting": ""},
    )
    samenvatting = _samenvatting(html)
    links = dict(re.findall(r'<a class="utrecht-link" href="#(id_[a-z_0-9]+)">([^<]+)</a>', samenvatting))
    assert set(links) == {"id_periode", "id_rag_0", "id_percentage_gereed", "id_toelichting"}
    assert links["id_percentage_gereed"].startswith("Percentage gereed: ")
    assert links["id_rag_0"].startswith("Stoplichtkleur: ")
    # Every link points at an input that exists on the page (radio groups: the first option).
    for anker in links:
        assert f'id="{anker}"' in html
    assert "er zijn 4 fouten" in samenvatting
    assert "<title>Fout: " in html
    assert 'tabindex="-1"' in samenvatting and "autofocus" in samenvatting


@pytest.mark.django_db
def test_one_error_is_counted_in_the_singular(client, trekker, activiteit):
    client.force_login(trekker)
    samenvatting = _samenvatting(_formulier(client, activiteit, {**UPDATE, "toelichting": ""}))
    assert "er is 1 fout" in samenvatting and "1 fouten" not in samenvatting


@pytest.mark.django_db
def test_an_error_about_the_whole_form_is_listed_without_a_link(client, trekker, activiteit):
    client.force_login(trekker)
    antwoord = client.post(
        reverse("actielijnen:planningswijziging_create", args=[activiteit.sleutel]), {"reden": "Later."}
    )
    samenvatting = _samenvatting(antwoord.content.decode())
    assert "Geef een nieuwe start, een nieuw einde of beide." in samenvatting
    assert "href=" not in samenvatting


@pytest.mark.django_db
def test_a_page_without_errors_has_no_summary_and_no_fout_in_its_title(client, trekker, activiteit):
    client.force_login(trekker)
    html = _formulier(client, activiteit)
    assert 'id="foutmeldingen"' not in html
    assert "<title>Fout" not in html


def _gekozen(html: str, veld: str) -> list[str]:
    select = re.search(rf'<select name="{veld}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*selected', select)


@pytest.mark.django_db
def test_the_update_form_starts_at_the_activitys_current_phase(client, trekker, activiteit):
    activiteit.fase = "implementatie"
    activiteit.save()
    client.force_login(trekker)
    assert _gekozen(_formulier(client, activiteit), "fase") == ["implementatie"]


@pytest.mark.django_db
def test_a_phase_nobody_recorded_is_asked_for_not_set_to_verkenning(client, trekker, activiteit):
    client.force_login(trekker)
    html = _formulier(client, activiteit)
    assert _gekozen(html, "fase") in ([], [""])
    assert "Kies de fase" in html
    # Posting without choosing is refused next to the field, not saved as Verkenning.
    html = _formulier(client, activiteit, {**UPDATE, "fase": ""})
    assert 'href="#id_fase"' in html
    assert not Voortgangsrapportage.objects.exists()


@pytest.mark.django_db
def test_the_next_update_starts_from_the_last_one(client, trekker, activiteit):
    client.force_login(trekker)
    client.post(reverse("actielijnen:voortgang_create", args=[activiteit.sleutel]), UPDATE)
    assert Voortgangsrapportage.objects.count() == 1
    html = _formulier(client, activiteit)
    assert _gekozen(html, "fase") == ["uitvoering"]
    assert _gekozen(html, "status") == ["lopend"]
    assert re.search(r'<input type="number" name="percentage_gereed" value="35"', html)
    assert re.search(r'<input type="radio" name="rag" value="oranje"[^>]*checked', html)


@pytest.mark.django_db
def test_no_open_milestones_says_so_with_a_link_to_add_one(client, trekker, activiteit):
    client.force_login(trekker)
    html = _formulier(client, activiteit)
    assert "Geen keuzes." not in html
    assert "Deze activiteit heeft nog geen open mijlpalen." in html
    assert f'href="{reverse("actielijnen:mijlpaal_create", args=[activiteit.sleutel])}"' in html
    # With an open milestone the checkbox is there and the sentence is not.
    Mijlpaal.objects.create(activiteit=activiteit, omschrijving="Eerste wijk", datum_gepland=date(2025, 6, 1))
    html = _formulier(client, activiteit)
    assert "Eerste wijk" in html and "nog geen open mijlpalen" not in html


@pytest.mark.django_db
def test_a_single_checkbox_has_its_label_outside_the_narrow_input_column(client, trekker, activiteit):
    """The cause of 'one word per line': the label sat inside the grid column sized for the box."""
    client.force_login(trekker)
    html = _formulier(client, activiteit)
    vak = re.search(
        r'<div class="utrecht-form-field__input"><input type="checkbox" name="besluit_nodig"[^>]*></div>',
        html,
    )
    assert vak, "the box stands alone in its input column"
    assert re.search(
        r'<label class="utrecht-form-label utrecht-form-label--checkbox" for="id_besluit_nodig">', html
    )
