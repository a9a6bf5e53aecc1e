"""The labelled example of the procurement tracks (demo only): durations, margins and actual dates for Jeugd and
Wmo, which no source gives. Jeugd came out "krap" (contracting ran past its latest end but before 1 januari
2025), Wmo "op schema". All dates lie before 1 januari 2025, so the outcome does not depend on `vandaag`."""

from datetime import date

from ontwikkeling.voorbeelden import VOORBEELD
from participatie.models import Inkooptraject
from participatie.services import inkoop

# Per step (volgorde 1–8): duur, marge, werkelijke start, werkelijk einde.
_JEUGD = (
    (180, 14, date(2022, 10, 3), date(2023, 3, 31)),
    (30, 7, date(2023, 4, 3), date(2023, 5, 12)),
    (30, 7, date(2023, 5, 15), date(2023, 6, 16)),
    (45, 7, date(2023, 6, 19), date(2023, 8, 25)),
    (30, 7, date(2023, 8, 28), date(2023, 10, 6)),
    (30, 7, date(2023, 10, 9), date(2023, 11, 17)),
    (30, 14, date(2023, 11, 20), date(2024, 1, 12)),
    (240, 30, date(2024, 1, 15), date(2024, 12, 13)),
)
_WMO = (
    (180, 14, date(2022, 10, 3), date(2023, 3, 24)),
    (30, 7, date(2023, 4, 3), date(2023, 5, 5)),
    (30, 7, date(2023, 5, 8), date(2023, 6, 9)),
    (45, 7, date(2023, 6, 12), date(2023, 7, 28)),
    (30, 7, date(2023, 8, 28), date(2023, 9, 29)),
    (30, 7, date(2023, 10, 2), date(2023, 11, 3)),
    (30, 14, date(2023, 11, 6), date(2023, 12, 8)),
    (240, 30, date(2024, 1, 8), date(2024, 9, 6)),
)


def laden(gebruikers: dict, vandaag: date, verslag) -> None:
    """Fill in the example steps of Jeugd and Wmo through the services; Jeugd gets the opgavecoördinator as owner."""
    for sleutel, stappen, eigenaar in (("jeugd", _JEUGD, "opgavecoordinator"), ("wmo", _WMO, None)):
        traject = Inkooptraject.objects.filter(sleutel=sleutel).first()
        if traject is None:
            continue
        inkoop.traject_bijwerken(
            traject=traject,
            gebruiker=gebruikers["manager"],
            eigenaar=gebruikers.get(eigenaar) if eigenaar else traject.eigenaar,
            toelichting=f"{VOORBEELD} duur, marges en werkelijke data van de stappen zijn verzonnen; de bronnen "
            "noemen alleen de fasen en hun kwartalen.",
        )
        for stap, (duur, marge, start, einde) in zip(
            traject.stappen.order_by("volgorde"), stappen, strict=False
        ):
            inkoop.stap_bijwerken(
                stap=stap,
                gebruiker=gebruikers["manager"],
                duur_dagen=duur,
                marge_dagen=marge,
                werkelijk_start=start,
                werkelijk_einde=einde,
            )
            verslag.tel("inkoopstappen met voorbeeldplanning")
