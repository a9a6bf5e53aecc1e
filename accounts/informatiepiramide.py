"""The levels of the informatiepiramide (uitvoeringsplan §5.3) as the navigation shows them."""

from dataclasses import dataclass

from accounts.permissions import eigen_niveau, mag_niveau_openen


@dataclass(frozen=True)
class Niveau:
    sleutel: str
    naam: str
    url_name: str | None = None
    open: bool = False
    eigen: bool = False


NIVEAUS = ("uitvoering", "management", "college", "raad", "inwoners")

URL_NAMEN = {
    "uitvoering": "actielijnen:uitvoering",
    "management": "actielijnen:management",
    "college": "rapportage:college",
    "raad": "rapportage:raad",
    "inwoners": "rapportage:inwoners",
}


def niveaus_voor(user) -> list[Niveau]:
    """All five levels, top-down as the pyramid reads; openable ones carry their url, the user's own is marked."""
    eigen = eigen_niveau(user) if user is not None and user.is_authenticated else None
    return [
        Niveau(
            sleutel=sleutel,
            naam=sleutel.capitalize(),
            url_name=URL_NAMEN[sleutel],
            open=mag_niveau_openen(user, sleutel),
            eigen=sleutel == eigen,
        )
        for sleutel in NIVEAUS
    ]
