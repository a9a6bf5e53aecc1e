import datetime

from django.urls import reverse

import pytest

from accounts.constants import Rol
from actielijnen import selectors
from tests.accounts.factories import UserFactory
from tests.actielijnen.factories import ActiviteitFactory, RisicoFactory, VoortgangsrapportageFactory


@pytest.mark.django_db
def test_a_new_update_shows_with_the_same_numbers_on_activity_actielijn_and_programme(
    client, trekker, activiteit
):
    ActiviteitFactory(actielijn=activiteit.actielijn)  # a second activity without update
    VoortgangsrapportageFactory(activiteit=activiteit, rag="oranje", percentage_gereed=60)

    client.force_login(UserFactory(rollen=[Rol.MANAGER]))
    (stand, _) = [r for r in client.get(reverse("actielijnen:management")).context["rijen"]]
    assert (stand.rag, stand.percentage) == ("oranje", 60)

    college = client.get(reverse("rapportage:college")).context
    (lijn,) = college["voortgang"]
    assert (lijn.aantal, lijn.oranje, lijn.onbekend, lijn.gemiddeld_gereed) == (2, 1, 1, 60)
    assert (college["totaal"].oranje, college["totaal"].gemiddeld_gereed) == (1, 60)


@pytest.mark.django_db
def test_the_latest_update_counts_not_the_first(activiteit, trekker):
    VoortgangsrapportageFactory(activiteit=activiteit, datum=datetime.date(2025, 1, 1), rag="rood")
    VoortgangsrapportageFactory(activiteit=activiteit, datum=datetime.date(2025, 2, 1), rag="groen")
    (stand,) = selectors.standen()
    assert stand.rag == "groen"
    (stand,) = selectors.standen(peildatum=datetime.date(2025, 1, 15))
    assert stand.rag == "rood"


@pytest.mark.django_db
def test_no_update_means_onbekend_not_gepland(activiteit):
    (stand,) = selectors.standen()
    assert stand.rag_woord == "onbekend"
    assert stand.status_label == "Onbekend"


@pytest.mark.django_db
def test_the_next_update_is_due_one_rhythm_after_the_last_update(activiteit):
    VoortgangsrapportageFactory(activiteit=activiteit, datum=datetime.date(2025, 1, 1))
    (stand,) = selectors.standen()
    assert stand.vervaldatum == datetime.date(2025, 1, 31)
    assert stand.update_status(datetime.date(2025, 1, 10)) == "op tijd"
    assert stand.update_status(datetime.date(2025, 1, 28)) == "binnenkort"
    assert stand.update_status(datetime.date(2025, 2, 1)) == "te laat"


@pytest.mark.django_db
def test_the_risk_matrix_places_each_risk_by_kans_and_impact(activiteit):
    risico = RisicoFactory(activiteit=activiteit, kans=2, impact=5)
    RisicoFactory(activiteit=activiteit, kans=None, impact=None)
    matrix = selectors.risicomatrix(activiteiten=[activiteit])
    bovenste_rij = matrix[0]
    assert bovenste_rij[1].impact == 5 and bovenste_rij[1].kans == 2
    assert bovenste_rij[1].risicos == [risico]
    assert sum(len(cel.risicos) for rij in matrix for cel in rij) == 1


@pytest.mark.django_db
def test_top_risks_are_the_highest_scores_with_their_trend(activiteit):
    laag = RisicoFactory(activiteit=activiteit, kans=1, impact=1)
    hoog = RisicoFactory(activiteit=activiteit, kans=5, impact=4)
    hoog.wijzigingen.create(datum=datetime.date(2025, 1, 1), soort="groter", toelichting="x")
    top = selectors.top_risicos(aantal=1)
    assert [(t.risico, t.trend) for t in top] == [(hoog, "groter")]
    assert laag not in [t.risico for t in selectors.top_risicos(aantal=5)][:1]
