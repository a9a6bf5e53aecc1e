"""The data team's import history and the undo confirmation (issue 15): undo offered only where the rule allows."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.constants import Rol
from monitoring.models import Import, Meting
from tests.accounts.factories import UserFactory
from tests.achtergrondtaken import import_doorvoeren, import_ongedaan_maken, import_proef
from tests.monitoring.bestanden import csv_bestand

KOP = "indicator;periode;wijk;soort;waarde;bron"
HISTORIE = reverse("monitoring:import_historie")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _waarde():
    return Meting.objects.get(
        indicator__code="6.1.1.1", periode="2021", soort="realisatie", wijk=None, gebied=None
    ).waarde


def _ongedaan_url(record):
    return reverse("monitoring:import_ongedaan_maken", args=[record.pk])


@pytest.mark.django_db
def test_history_offers_undo_only_for_the_latest_import_and_explains_why_not_for_the_others(
    client, programma, django_user_model
):
    beheerder = django_user_model.objects.get(username="beheerder")
    client.force_login(beheerder)
    import_proef(
        client, csv_bestand([KOP, "6.1.1.1;2021;;realisatie;41%;KT", "6.1.1.1;2022;;realisatie;43%;KT"])
    )
    import_doorvoeren(client)
    import_proef(client, csv_bestand([KOP, "6.1.1.1;2021;;realisatie;42%;KT"]))
    import_doorvoeren(client)
    eerste, tweede = Import.objects.order_by("pk")

    html = client.get(HISTORIE).content.decode()
    # Newest first, with who, file and the counts (the first import: 2021 changed, 2022 new).
    assert html.index(f'href="{_ongedaan_url(tweede)}"') < html.index("Maak eerst de latere imports ongedaan")
    assert f'href="{_ongedaan_url(eerste)}"' not in html
    rij_eerste = html.split("<tr")[3]
    assert beheerder.weergavenaam() in rij_eerste
    assert eerste.aantal_nieuw == 1 and eerste.aantal_gewijzigd == 1
    assert ">1</td>" in rij_eerste and "Van kracht" in rij_eerste

    # The earlier import: the confirmation page explains, has no button; a direct POST is refused, nothing changes.
    pagina = client.get(_ongedaan_url(eerste)).content.decode()
    assert "Maak eerst de latere imports ongedaan" in pagina and "Ja, maak ongedaan" not in pagina
    antwoord = import_ongedaan_maken(client, eerste.pk)
    assert antwoord.status_code == 409
    assert "Maak eerst de latere imports ongedaan" in antwoord.content.decode()
    eerste.refresh_from_db()
    assert eerste.ongedaan_op is None and _waarde() == Decimal("42")

    # The latest: the page says what goes back, warns, and asks; confirming undoes it through the job.
    pagina = client.get(_ongedaan_url(tweede)).content.decode()
    assert "Ja, maak ongedaan" in pagina and "Annuleren" in pagina
    assert "dit kunt u niet terugdraaien" in pagina
    assert (
        "0 cijfers worden verwijderd" in pagina
        and "1 cijfer krijgt de waarde van vóór de import terug" in pagina
    )
    assert "is ongedaan gemaakt" in import_ongedaan_maken(client, tweede.pk).content.decode()
    assert _waarde() == Decimal("41")

    html = client.get(HISTORIE).content.decode()
    assert f"Ongedaan gemaakt door {beheerder.weergavenaam()}" in html
    assert f'href="{_ongedaan_url(eerste)}"' in html  # now the latest in force
    assert f'href="{_ongedaan_url(tweede)}"' not in html
    assert "al ongedaan gemaakt" in client.get(_ongedaan_url(tweede)).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("rol", [Rol.TREKKER, Rol.OPDRACHTGEVER, Rol.MANAGER, Rol.COLLEGE])
def test_only_the_data_team_opens_the_history_and_the_confirmation(client, rol):
    beheerder = UserFactory(rollen=[Rol.BEHEERDER])
    record = Import.objects.create(
        gebruiker=beheerder, bestandsnaam="a.csv", sha256="a" * 64, indeling="lang"
    )
    client.force_login(UserFactory(rollen=[rol]))
    assert client.get(HISTORIE).status_code == 403
    assert client.get(_ongedaan_url(record)).status_code == 403
    assert client.post(_ongedaan_url(record)).status_code == 403
    record.refresh_from_db()
    assert record.ongedaan_op is None


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_login(client):
    antwoord = client.get(HISTORIE)
    assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("login"))


def _imports(beheerder, aantal):
    Import.objects.bulk_create(
        Import(gebruiker=beheerder, bestandsnaam=f"bestand-{i}.csv", sha256=f"{i:064d}", indeling="lang")
        for i in range(aantal)
    )


@pytest.mark.django_db
def test_the_history_pages_and_its_queries_do_not_grow_with_the_number_of_imports(client):
    beheerder = UserFactory(rollen=[Rol.BEHEERDER])
    client.force_login(beheerder)
    _imports(beheerder, 3)
    client.get(HISTORIE)  # warm the permission cache and session
    with CaptureQueriesContext(connection) as weinig:
        assert client.get(HISTORIE).status_code == 200
    _imports(beheerder, 60)
    with CaptureQueriesContext(connection) as veel:
        antwoord = client.get(HISTORIE)
    assert len(veel) == len(weinig)
    html = antwoord.content.decode()
    assert html.count('class="utrecht-table__row"') == 1 + 25  # header + one page
    assert "Pagina 1 van 3" in html
    laatste = client.get(HISTORIE, {"pagina": "3"}).content.decode()
    assert laatste.count('class="utrecht-table__row"') == 1 + 13
    # Only the newest import is in force at the top of page 1; nothing on page 3 may be undone.
    assert laatste.count("alleen de laatste import kan terug") == 13
    assert client.get(HISTORIE, {"pagina": "geen-getal"}).status_code == 200
