"""load_programma: idempotent, keeps what users entered, demo accounts only with --demo."""

from io import StringIO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest

from actielijnen.constants import ActiviteitStatus, RagStatus
from actielijnen.models import Activiteit, Risico
from monitoring.constants import MetingSoort
from monitoring.models import Indicator, Meting

pytestmark = pytest.mark.django_db

DOMEIN_APPS = ("actielijnen", "monitoring", "participatie", "accounts")


def _stand_van_de_database() -> dict[str, object]:
    """Row counts of every model (history included) and the values of the loaded figures."""
    stand = {
        model._meta.label: model.objects.count()
        for app in DOMEIN_APPS
        for model in apps.get_app_config(app).get_models()
    }
    stand["metingen"] = sorted(
        Meting.objects.values_list("indicator__code", "periode", "soort", "waarde", "bron")
    )
    stand["activiteiten"] = sorted(
        Activiteit.objects.values_list("sleutel", "naam", "code", "status", "actielijn_id")
    )
    return stand


def _laad(*args) -> str:
    uitvoer = StringIO()
    call_command("load_programma", *args, stdout=uitvoer)
    return uitvoer.getvalue()


def test_loading_twice_gives_the_same_database_and_says_nothing_changed(settings):
    settings.DEBUG = True  # demo accounts only on a development machine
    _laad("--demo")
    eerste = _stand_van_de_database()
    tweede_uitvoer = _laad("--demo")
    assert _stand_van_de_database() == eerste
    assert "niets gewijzigd" in tweede_uitvoer


def test_the_done_criteria_counts_are_loaded():
    _laad()
    assert apps.get_model("actielijnen", "Actielijn").objects.count() == 4
    assert Activiteit.objects.count() == 33
    assert Activiteit.objects.op_agenda().count() == 25
    assert Risico.objects.basisrisicos().count() == 10
    assert apps.get_model("participatie", "Inkoopfase").objects.count() == 3
    # The 19 rows of §6.2, and §6.2.6's report marks as a series of their own (6.2.6.1-cijfer).
    assert Indicator.objects.count() == 20
    assert Meting.objects.filter(soort=MetingSoort.STREEFWAARDE).count() > 70


def test_reloading_keeps_what_users_entered_since():
    _laad()
    activiteit = Activiteit.objects.get(code="2.3")
    activiteit.status = ActiviteitStatus.LOPEND
    activiteit.rag = RagStatus.ORANJE
    activiteit.save()
    risico = Risico.objects.get(code="1a")
    risico.kans, risico.impact = 3, 4
    risico.save()
    eigen_risico = Risico.objects.create(
        activiteit=activiteit, omschrijving="Te weinig wijkcentra", basisrisico=risico
    )
    gecorrigeerd = Meting.objects.get(
        indicator__code="6.1.1.1", periode="2023", soort=MetingSoort.STREEFWAARDE
    )
    gecorrigeerd.waarde = 48
    gecorrigeerd.bron = "Correctie datakernteam"
    gecorrigeerd.save()

    _laad()

    activiteit.refresh_from_db()
    assert (activiteit.status, activiteit.rag) == (ActiviteitStatus.LOPEND, RagStatus.ORANJE)
    risico.refresh_from_db()
    assert (risico.kans, risico.impact) == (3, 4)
    assert Risico.objects.filter(pk=eigen_risico.pk).exists()
    gecorrigeerd.refresh_from_db()
    assert gecorrigeerd.waarde == 48


def test_reloading_restores_a_source_figure_that_was_changed_without_a_new_source():
    _laad()
    meting = Meting.objects.get(indicator__code="6.2.2.2", periode="2022", soort=MetingSoort.STREEFWAARDE)
    meting.waarde = 1
    meting.save()
    _laad()
    meting.refresh_from_db()
    assert meting.waarde == 1605


def test_demo_accounts_exist_only_with_the_demo_option(settings):
    settings.DEBUG = True  # demo accounts only on a development machine
    _laad()
    assert get_user_model().objects.count() == 0
    _laad("--demo")
    gebruikers = get_user_model().objects.prefetch_related("groups")
    rollen = {group.name for user in gebruikers for group in user.groups.all()}
    assert rollen == {
        "trekker",
        "opdrachtgever",
        "opgavecoordinator",
        "manager",
        "college",
        "raad",
        "griffie",
        "beheerder",
    }
    trekker = get_user_model().objects.get(username="trekker")
    assert trekker.check_password("Hengelo-demo-2025")
    assert set(trekker.activiteiten_als_trekker.values_list("actielijn__nummer", flat=True)) == {1, 2}


def test_agenda_activities_start_as_gepland_and_the_others_as_onbekend():
    _laad()
    assert set(Activiteit.objects.op_agenda().values_list("status", flat=True)) == {ActiviteitStatus.GEPLAND}
    assert set(Activiteit.objects.filter(code="").values_list("status", flat=True)) == {
        ActiviteitStatus.ONBEKEND
    }


def test_every_loaded_record_is_traceable_to_the_sources():
    _laad()
    assert not Activiteit.objects.filter(bron="").exists()
    # Cited as a reader knows the document, never by file code ("000 §6.2").
    assert all(
        bron.startswith(("Uitvoeringsplan 2023, §6.2", "Jaarstukken 2023, factsheet"))
        for bron in Meting.objects.values_list("bron", flat=True)
    )
    assert not Risico.objects.filter(bron="").exists()
