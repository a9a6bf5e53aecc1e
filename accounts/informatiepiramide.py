"""The levels of the informatiepiramide (uitvoeringsplan §5.3) as the navigation shows them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Niveau:
    sleutel: str
    naam: str
    url_name: str | None = None
    open: bool = False
    eigen: bool = False


NIVEAUS = ("uitvoering", "management", "college", "raad", "inwoners")


def niveaus_voor(user) -> list[Niveau]:
    """All five levels; which ones the user may open is decided by accounts.permissions (issue 3)."""
    return [Niveau(sleutel=sleutel, naam=sleutel.capitalize()) for sleutel in NIVEAUS]
