"""Read the source documents in ../shared/seeds so tests compare with the sources, not with our fixtures."""

import os
from functools import cache
from pathlib import Path

_KANDIDATEN = [
    os.environ.get("HENGELO_SEEDS", ""),
    Path(__file__).resolve().parents[2] / "shared" / "seeds",  # ../shared beside the project, as on CI
    "/work/shared/seeds",
]

UITVOERINGSPLAN = "000_a96fe5a3c7d798f4.txt"
JAARSTUKKEN_2023 = "002_78b8bff4ec56f48b.txt"


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
