"""manage.py benchmark_vergelijken OUD.json NIEUW.json: two runs of `manage.py benchmark --json`, page by page.

Joins the pages of both runs on (pagina, rol), and prints p50, p95 and query counts side by side with the ratio
new/old, slowest change first. Exits non-zero when a page got slower than `--drempel` × its old p50 or asks more
queries than before, so a CI step can compare a run with a stored one. pandas does the join, the ratios and the
table: that is what it is for, and what a dict of dicts by hand does worse.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

import pandas as pd

SLEUTEL = ["pagina", "rol"]


def paginas(pad: str) -> pd.DataFrame:
    """The page rows of one benchmark JSON as a table, indexed by (pagina, rol)."""
    try:
        rijen = json.loads(Path(pad).read_text(encoding="utf-8"))["delen"]["paginas"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CommandError(
            f"{pad} is geen JSON van `manage.py benchmark` met het deel 'paginas' ({exc})."
        ) from exc
    return pd.DataFrame(rijen)[[*SLEUTEL, "p50_ms", "p95_ms", "queries"]].set_index(SLEUTEL)


def vergelijking(oud: pd.DataFrame, nieuw: pd.DataFrame) -> pd.DataFrame:
    """Both runs side by side with the ratio new/old of p50 and p95; pages of only one run are left out."""
    samen = oud.merge(nieuw, left_index=True, right_index=True, suffixes=("_oud", "_nieuw"))
    samen["p50_factor"] = samen["p50_ms_nieuw"] / samen["p50_ms_oud"]
    samen["p95_factor"] = samen["p95_ms_nieuw"] / samen["p95_ms_oud"]
    samen["queries_erbij"] = samen["queries_nieuw"] - samen["queries_oud"]
    return samen.sort_values("p50_factor", ascending=False)


class Command(BaseCommand):
    help = "Vergelijkt twee benchmarkruns (JSON van `manage.py benchmark`) per pagina en rol."

    def add_arguments(self, parser):
        parser.add_argument("oud")
        parser.add_argument("nieuw")
        parser.add_argument(
            "--drempel", type=float, default=1.25, help="toegestane factor op p50 (standaard 1,25)"
        )

    def handle(self, *args, oud, nieuw, drempel, **options):
        tabel = vergelijking(paginas(oud), paginas(nieuw))
        if tabel.empty:
            raise CommandError("De twee runs hebben geen pagina gemeen.")
        self.stdout.write(tabel.round(2).to_string())
        factor = f"{drempel:g}".replace(".", ",")
        trager = tabel[(tabel["p50_factor"] > drempel) | (tabel["queries_erbij"] > 0)]
        if not trager.empty:
            namen = ", ".join(f"{pagina} ({rol})" for pagina, rol in trager.index)
            raise CommandError(f"{len(trager)} pagina's trager dan {factor}× of met meer queries: {namen}.")
        self.stdout.write(self.style.SUCCESS(f"Geen pagina trager dan {factor}× of met meer queries."))
