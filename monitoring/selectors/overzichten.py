"""
The programme's overviews beside the indicators: the fit-gap status per indicator and level of the
informatiepiramide, the pillars of databedrevenheid, and the transformatiepiramide with the factsheet's figures.
"""

from dataclasses import dataclass

from monitoring.constants import FitGap
from monitoring.models import Databedrevenheidspijler, Indicator, Informatieniveau, Kerncijfer, Piramidestand


@dataclass
class FitgapOverzicht:
    indicatoren: list[Indicator]
    per_status: dict[str, int]
    per_niveau: list[tuple[Informatieniveau, dict[str, int]]]
    statussen: list[tuple[str, str]]


def fitgap_overzicht() -> FitgapOverzicht:
    """Fit-gap status per indicator, with counts per status and per level of the informatiepiramide (3 queries)."""
    statussen = [*FitGap.choices, ("", "Nog niet bepaald")]
    indicatoren = list(
        Indicator.objects.select_related("doel", "fitgap_eigenaar")
        .prefetch_related("niveaus")
        .order_by("code")
    )
    per_status = {waarde: 0 for waarde, _ in statussen}
    niveaus = {
        niveau.pk: (niveau, {waarde: 0 for waarde, _ in statussen})
        for niveau in Informatieniveau.objects.all()
    }
    for indicator in indicatoren:
        per_status[indicator.fitgap] += 1
        for niveau in indicator.niveaus.all():
            niveaus[niveau.pk][1][indicator.fitgap] += 1
    return FitgapOverzicht(indicatoren, per_status, list(niveaus.values()), statussen)


@dataclass
class PiramideOverzicht:
    perioden: list[str]
    lagen: list  # Modellaag, top of the pyramid first
    standen: dict[tuple[str, int], int]  # (periode, modellaag pk) → clients
    kerncijfers: list[Kerncijfer]


def piramide_overzicht() -> PiramideOverzicht:
    """Clients per layer per period, and the factsheet's figures with their notes (3 queries)."""
    from actielijnen.models import Modellaag

    standen = list(Piramidestand.objects.all())
    return PiramideOverzicht(
        perioden=sorted({s.periode for s in standen}),
        lagen=list(Modellaag.objects.order_by("-volgorde")),
        standen={(s.periode, s.modellaag_id): s.aantal_clienten for s in standen},
        kerncijfers=list(Kerncijfer.objects.prefetch_related("datakwaliteit")),
    )


def pijlers_databedrevenheid() -> list:
    """The four pillars of databedrevenheid (§5.1) with their elements and notes, for the fit-gap page (3 queries)."""
    return list(Databedrevenheidspijler.objects.prefetch_related("elementen", "datakwaliteit"))
