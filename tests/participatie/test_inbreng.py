"""Wat is er met de inbreng gedaan (§4.1) through the real stack: who may add and process (also by direct POST),
the reactie is required, a text naming the person is refused, everything is in the history, and the overview and
the trajectory block run a fixed number of queries."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from actielijnen.models import Activiteit
from kern.gelijktijdigheid import token_voor
from participatie.constants import NAAM_IN_TEKST, REACTIE_VERPLICHT
from participatie.models import Inbreng, Participatietraject, Stakeholder, Verwerking
from participatie.selectors import inbreng as inbreng_lezen
from participatie.services import inbreng as inbreng_module
from participatie.services.inbreng import naam_in_tekst

pytestmark = pytest.mark.django_db

PERSOON = "Annemiek van der Tuin"


def _gebruiker(naam):
    return get_user_model().objects.get(username=naam)


def _als(client, naam):
    client.force_login(_gebruiker(naam))
    return client


@pytest.fixture
def traject(programma):
    activiteit = Activiteit.objects.filter(trekker__username="trekker").order_by("pk").first()
    return Participatietraject.objects.create(naam="Klankbordgroep toegang", activiteit=activiteit)


@pytest.fixture
def stakeholder(programma):
    return Stakeholder.objects.get_or_create(naam="Testadviesraad")[0]


@pytest.fixture
def bijdrage(traject, stakeholder):
    return inbreng_module.inbreng_toevoegen(
        traject=traject,
        door=_gebruiker("trekker"),
        stakeholder=stakeholder,
        persoon=PERSOON,
        datum=date(2024, 3, 1),
        inbreng="Houd de bijeenkomsten 's avonds.",
    )


def _toevoegen(client, traject, **velden):
    data = {"datum": "2024-03-01", "inbreng": "Meer avondbijeenkomsten.", "persoon": "", "stakeholder": ""}
    return client.post(reverse("participatie:inbreng_toevoegen", args=[traject.pk]), {**data, **velden})


def _verwerken(client, bijdrage, **velden):
    data = {"verwerking": "overgenomen", "reactie": "De bijeenkomsten zijn nu 's avonds."}
    # The form's hidden token, as the page would give it now (no lost updates, bronnen/gelijktijdigheid.py).
    data["origineel"] = token_voor(Inbreng.objects.get(pk=bijdrage.pk), ("verwerking", "reactie"))
    return client.post(reverse("participatie:inbreng_verwerken", args=[bijdrage.pk]), {**data, **velden})


# --- who may ------------------------------------------------------------------------------------------------


def test_de_trekker_legt_inbreng_vast_en_verwerkt_die(client, traject, stakeholder):
    _als(client, "trekker")
    antwoord = _toevoegen(client, traject, stakeholder=stakeholder.pk, persoon=PERSOON)
    assert antwoord.status_code == 302
    bijdrage = Inbreng.objects.get(traject=traject)
    assert (bijdrage.stakeholder, bijdrage.persoon, bijdrage.verwerking) == (stakeholder, PERSOON, "open")

    antwoord = _verwerken(client, bijdrage, verwerking="deels", reactie="Deels: twee van de vier avonden.")
    assert antwoord.status_code == 302
    bijdrage.refresh_from_db()
    assert bijdrage.verwerking == Verwerking.DEELS
    assert bijdrage.verwerkt_door == _gebruiker("trekker")
    assert bijdrage.verwerkt_op is not None
    # Every step is in the history: added, then processed.
    assert list(bijdrage.history.order_by("history_date").values_list("verwerking", flat=True)) == [
        "open",
        "deels",
    ]


@pytest.mark.parametrize("naam", ["trekker2", "opdrachtgever", "college"])
def test_een_ander_krijgt_403_ook_bij_een_directe_post_en_er_verandert_niets(client, traject, bijdrage, naam):
    _als(client, naam)
    assert _toevoegen(client, traject).status_code == 403
    assert _verwerken(client, bijdrage).status_code == 403
    assert Inbreng.objects.count() == 1
    bijdrage.refresh_from_db()
    assert bijdrage.verwerking == Verwerking.OPEN and bijdrage.verwerkt_door is None


def test_een_traject_buiten_het_programma_is_van_de_programmabrede_rollen(client, programma):
    buiten = Participatietraject.objects.create(naam="Omgevingsvisie stedelijk gebied")
    assert _toevoegen(_als(client, "trekker"), buiten).status_code == 403
    assert _toevoegen(_als(client, "opgavecoordinator"), buiten).status_code == 302
    assert _toevoegen(_als(client, "manager"), buiten).status_code == 302
    assert Inbreng.objects.filter(traject=buiten).count() == 2


def test_de_service_weigert_wie_niet_mag(traject):
    with pytest.raises(inbreng_module.PermissionDenied):
        inbreng_module.inbreng_toevoegen(
            traject=traject, door=_gebruiker("trekker2"), datum=date(2024, 3, 1), inbreng="x"
        )


# --- validation ---------------------------------------------------------------------------------------------


def test_de_onderbouwing_is_verplicht_behalve_bij_open(client, bijdrage):
    _als(client, "trekker")
    antwoord = _verwerken(client, bijdrage, verwerking="niet", reactie="  ")
    assert antwoord.status_code == 200
    assert REACTIE_VERPLICHT in antwoord.content.decode()
    bijdrage.refresh_from_db()
    assert bijdrage.verwerking == Verwerking.OPEN
    # The service refuses it as well, whoever calls it.
    with pytest.raises(inbreng_module.ValidationError):
        inbreng_module.inbreng_verwerken(
            inbreng=bijdrage, door=_gebruiker("trekker"), verwerking="niet", reactie=""
        )
    # Back to open needs no reasoning and clears who and when.
    _verwerken(client, bijdrage, verwerking="overgenomen", reactie="Gedaan.")
    assert _verwerken(client, bijdrage, verwerking="open", reactie="").status_code == 302
    bijdrage.refresh_from_db()
    assert (bijdrage.verwerking, bijdrage.verwerkt_op, bijdrage.verwerkt_door) == ("open", None, None)


def test_onzinnige_invoer_geeft_een_nederlandse_melding_en_geen_500(client, traject, bijdrage):
    _als(client, "trekker")
    antwoord = _toevoegen(client, traject, datum="gisteren", stakeholder="999999", inbreng="")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Vul een geldige datum in." in html
    assert _toevoegen(client, traject, datum="2999-01-01").status_code == 200
    assert _verwerken(client, bijdrage, verwerking="misschien").status_code == 200
    assert Inbreng.objects.count() == 1


@pytest.mark.parametrize(
    "tekst",
    [
        "Annemiek van der Tuin wil avondbijeenkomsten.",
        "Mevrouw Van der Tuin wil avondbijeenkomsten.",
        "annemiek vraagt om avonden.",
    ],
)
def test_een_tekst_met_de_naam_van_de_persoon_wordt_geweigerd(client, traject, bijdrage, tekst):
    _als(client, "trekker")
    antwoord = _toevoegen(client, traject, persoon=PERSOON, inbreng=tekst)
    assert antwoord.status_code == 200
    assert NAAM_IN_TEKST in antwoord.content.decode()
    antwoord = _verwerken(client, bijdrage, reactie=f"Overgenomen, zoals {tekst}")
    assert NAAM_IN_TEKST in antwoord.content.decode()
    assert Inbreng.objects.count() == 1
    bijdrage.refresh_from_db()
    assert bijdrage.verwerking == Verwerking.OPEN


def test_naam_in_tekst_ziet_hele_woorden_en_geen_tussenvoegsels():
    assert naam_in_tekst("Jan de Vries", "Met de heer De Vries gesproken")
    assert not naam_in_tekst("Jan de Vries", "In januari is de Vriesestraat besproken")
    assert not naam_in_tekst("Jan de Vries", "Over de wijk en het plan van de gemeente")
    assert not naam_in_tekst("", "Jan de Vries")


# --- pages ----------------------------------------------------------------------------------------------


def test_het_overzicht_toont_de_persoon_intern_en_filtert(client, traject, bijdrage, stakeholder):
    inbreng_module.inbreng_verwerken(
        inbreng=bijdrage, door=_gebruiker("trekker"), verwerking="niet", reactie="Past niet."
    )
    inbreng_module.inbreng_toevoegen(
        traject=traject, door=_gebruiker("trekker"), datum=date(2024, 4, 1), inbreng="Nog open punt."
    )
    _als(client, "opdrachtgever")
    html = client.get(reverse("participatie:inbreng_overzicht")).content.decode()
    assert PERSOON in html and "Nog open punt." in html and "2 bijdragen" in html
    # The opdrachtgever reads; only who may process gets the link.
    assert reverse("participatie:inbreng_verwerken", args=[bijdrage.pk]) not in html
    html = client.get(reverse("participatie:inbreng_overzicht"), {"verwerking": "open"}).content.decode()
    assert "Nog open punt." in html and "Past niet." not in html and "1 bijdrage " in html
    html = client.get(reverse("participatie:inbreng_overzicht"), {"activiteit": "x", "pagina": "y"})
    assert html.status_code == 200
    _als(client, "trekker")
    html = client.get(reverse("participatie:inbreng_overzicht")).content.decode()
    assert reverse("participatie:inbreng_verwerken", args=[bijdrage.pk]) in html


def _maak(traject, stakeholder, aantal):
    for n in range(aantal):
        bijdrage = inbreng_module.inbreng_toevoegen(
            traject=traject,
            door=_gebruiker("trekker"),
            stakeholder=stakeholder if n % 2 else None,
            datum=date(2024, 3, 1),
            inbreng=f"Punt {n}",
        )
        if n % 3:
            inbreng_module.inbreng_verwerken(
                inbreng=bijdrage, door=_gebruiker("manager"), verwerking="deels", reactie="Deels."
            )


def test_het_overzicht_en_het_trajectblok_hebben_een_vast_aantal_queries(client, traject, stakeholder):
    _als(client, "trekker")
    url = reverse("participatie:inbreng_overzicht")
    gebruiker = _gebruiker("trekker")
    metingen = []
    for aantal in (2, 30):
        Inbreng.objects.all().delete()
        _maak(traject, stakeholder, aantal)
        client.get(url)  # warm the session and permission caches
        render_to_string("participatie/partials/inbreng_sectie.html", {"traject": traject, "user": gebruiker})
        with CaptureQueriesContext(connection) as pagina:
            assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as blok:
            html = render_to_string(
                "participatie/partials/inbreng_sectie.html", {"traject": traject, "user": gebruiker}
            )
        assert f"{aantal} bijdragen" in html
        metingen.append((len(pagina), len(blok)))
    assert metingen[0] == metingen[1], metingen
    assert metingen[0][1] <= 3


def test_de_trajectpagina_toont_het_inbrengblok(client, traject, bijdrage):
    inbreng_module.inbreng_verwerken(
        inbreng=bijdrage, door=_gebruiker("trekker"), verwerking="deels", reactie="Twee avonden."
    )
    _als(client, "trekker")
    html = client.get(reverse("participatie:traject", args=[traject.pk])).content.decode()
    assert "Houd de bijeenkomsten" in html
    # Both steps (added, processed) are in the trajectory's history.
    geschiedenis = html.split(">Geschiedenis<", 1)[1]
    assert "Deels overgenomen" in geschiedenis and "Twee avonden." in geschiedenis
    assert reverse("participatie:inbreng_toevoegen", args=[traject.pk]) in html
    _als(client, "trekker2")
    html = client.get(reverse("participatie:traject", args=[traject.pk])).content.decode()
    assert "Houd de bijeenkomsten" in html
    assert reverse("participatie:inbreng_toevoegen", args=[traject.pk]) not in html


def test_de_demo_legt_verwerkte_en_open_inbreng_vast_met_een_interne_naam(programma):
    from ontwikkeling.voorbeelden import VOORBEELD
    from ontwikkeling.voorbeelden import inbreng as demo

    class Verslag:
        aantallen: dict = {}

        def tel(self, naam, aantal=1):
            self.aantallen[naam] = self.aantallen.get(naam, 0) + aantal

    gebruikers = {u.username: u for u in get_user_model().objects.all()}
    demo.laden(gebruikers, date(2024, 6, 1), Verslag())
    rijen = list(Inbreng.objects.all())
    assert sorted(r.verwerking for r in rijen) == ["deels", "niet", "open", "overgenomen"]
    assert all(r.inbreng.startswith(VOORBEELD) and r.persoon == demo.VOORBEELDPERSOON for r in rijen)
    editie = inbreng_lezen.inbreng_voor_editie(date(2024, 6, 1))
    assert len(editie) == 3 and demo.VOORBEELDPERSOON.split()[-1] not in str(editie)
