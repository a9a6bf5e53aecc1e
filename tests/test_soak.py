"""The soak's verdict (actielijnen/management/commands/soak.py). The soak itself runs against gunicorn and
PostgreSQL in .ci/run (step 8); here: that each failure it must catch does fail it, and that it refuses to start
without the demo accounts, in Dutch."""

from django.core.management import CommandError, call_command

import pytest

from ontwikkeling.management.commands.soak import Geheugen, oordeel
from ontwikkeling.statistiek import percentiel

MB = 1024


def _worker(pid, rss_mb_reeks):
    """A worker sampled once a second, rss in MB."""
    return Geheugen(pid, [(t, int(mb * MB)) for t, mb in enumerate(rss_mb_reeks)])


def _oordeel(**anders):
    waarden = dict(
        bevestigd=40,
        opgeslagen=40,
        opgeslagen_met_kenmerk=40,
        fouten_5xx=0,
        server_5xx=0,
        mislukt=0,
        onbevestigd=0,
        herstarts=0,
        geheugen=[_worker(1, [90] * 5 + [100] * 30), _worker(2, [90] * 5 + [101] * 30)],
        opwarmen_tot=10,
        rss_marge_kb=16 * MB,
    )
    waarden.update(anders)
    return oordeel(**waarden)


def test_een_gezonde_run_slaagt_ook_met_groei_tijdens_het_opwarmen():
    assert _oordeel() == []


@pytest.mark.parametrize(
    ("anders", "verwacht"),
    [
        ({"opgeslagen": 39, "opgeslagen_met_kenmerk": 39}, "Bevestigde updates (40) ≠ nieuwe rijen"),
        ({"opgeslagen": 41}, "Bevestigde updates (40) ≠ nieuwe rijen"),
        ({"opgeslagen_met_kenmerk": 0}, "waarvan 0 met het kenmerk"),
        ({"fouten_5xx": 1}, "Serverfouten: 1 keer 5xx"),
        ({"server_5xx": 2}, "2 in de accesslog"),
        ({"mislukt": 3}, "3 verzoeken mislukt"),
        ({"onbevestigd": 1}, "1 updates niet bevestigd"),
        ({"herstarts": 1}, "1 gunicorn-workers herstart"),
        ({"bevestigd": 0, "opgeslagen": 0, "opgeslagen_met_kenmerk": 0}, "Geen enkele update bevestigd"),
        ({"geheugen": []}, "Geen geheugenmetingen"),
        ({"geheugen": [_worker(7, [100] * 12)]}, "Worker 7: te weinig geheugenmetingen"),
        # 100 MB after the warm-up, 130 MB at the end: a leak, beyond the 16 MB margin.
        ({"geheugen": [_worker(8, [100] * 20 + [130] * 10)]}, "Worker 8: geheugen groeide 30,0 MB"),
    ],
)
def test_elke_fout_laat_de_soak_mislukken(anders, verwacht):
    redenen = _oordeel(**anders)
    assert any(verwacht in r for r in redenen), redenen


def test_groei_binnen_de_marge_is_geen_lek():
    assert _oordeel(geheugen=[_worker(9, [100] * 20 + [115] * 10)]) == []


def test_percentiel_is_de_dichtstbijzijnde_rang():
    waarden = list(range(1, 101))
    assert percentiel(waarden, 50) == 50
    assert percentiel(waarden, 95) == 95
    assert percentiel([7], 95) == 7


@pytest.mark.django_db
def test_zonder_demo_accounts_een_duidelijke_melding():
    with pytest.raises(CommandError, match="Demo-accounts ontbreken .*load_programma --demo"):
        call_command("soak", "--seconden", "10")
