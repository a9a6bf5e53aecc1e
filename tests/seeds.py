"""Read the source documents in ../shared/seeds so tests compare with the sources, not with our fixtures."""

import os
from datetime import date
from functools import cache
from pathlib import Path

_KANDIDATEN = [
    os.environ.get("HENGELO_SEEDS", ""),
    Path(__file__).resolve().parents[2] / "shared" / "seeds",  # ../shared beside the project, as on CI
    "/work/shared/seeds",
]

UITVOERINGSPLAN = "000_a96fe5a3c7d798f4.txt"
UITVOERINGSPLAN_TWEEDE_TEKST = "001_204abc9c15abd0e4.txt"
JAARSTUKKEN_2023 = "002_78b8bff4ec56f48b.txt"
SCENARIOS = "003_130cf25fa20b54db.txt"
REKENKAMER_2018 = "004_d62a2bb172a69d73.txt"

MAANDEN = "januari februari maart april mei juni juli augustus september oktober november december".split()


def datum(tekst: str):
    """A Dutch date as the sources print it, '14 december 2022' → date(2022, 12, 14)."""
    dag, maand, jaar = tekst.split()
    return date(int(jaar), MAANDEN.index(maand) + 1, int(dag))


@cache
def map_met_seeds() -> Path:
    for kandidaat in _KANDIDATEN:
        if kandidaat and (Path(kandidaat) / UITVOERINGSPLAN).exists():
            return Path(kandidaat)
    raise FileNotFoundError("De brondocumenten (../shared/seeds) zijn niet gevonden; zet HENGELO_SEEDS.")


@cache
def tekst(bestand: str) -> str:
    return (map_met_seeds() / bestand).read_text(encoding="utf-8")


def regels(bestand: str) -> list[str]:
    return tekst(bestand).splitlines()
