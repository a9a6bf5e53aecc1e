"""
An edition as it is shown: `editie_weergave(rapportage, user) -> Editieweergave`, the view-model that the web
page, the PDF, the CSV files and the XLSX all read.

Built once from the edition's own fields and its frozen snapshot (`rapportage.inhoud`, rapportage/momentopname.py)
and nothing else: per section the rows with their texts already in Dutch (figures, dates, verdicts, distances,
trends, notes, sources), so the templates only print and the files only write. One module per section, named
like its template in templates/rapportage/secties/; `tekst` formats a single value, `tabellen` turns the rows
into the typed tables of the files.

The user matters only for counts of people below the threshold: the page shows them to whoever may see them
(`monitoring.weergave`); the PDF, the CSV and the XLSX are for the anonymous reader (`user=None`).
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.auth.models import AnonymousUser
from django.utils.safestring import SafeString

from rapportage.constants import Sectie
from rapportage.weergave import grafieken as editie_grafieken
from rapportage.weergave.financien import Financienweergave, financien
from rapportage.weergave.monitoring import Monitoringweergave, monitoring
from rapportage.weergave.moties import Motieweergave, moties
from rapportage.weergave.participatie import Participatieweergave, participatie
from rapportage.weergave.risicobeheersing import Risicoweergave, risicobeheersing
from rapportage.weergave.sociaal_domein import Sociaaldomeinweergave, sociaal_domein
from rapportage.weergave.tabellen import tabellen
from rapportage.weergave.tabelvorm import Tabel
from rapportage.weergave.voortgang import Voortgangweergave, voortgang

GEMEENTE = "Gemeente Hengelo"
PROGRAMMA = "Transformatie Sociaal Domein"


@dataclass(frozen=True)
class Sectieweergave:
    """A section in the order of the annex, with the manager's text for it and the template that shows it."""

    sleutel: str
    label: str
    toelichting: str
    template: str


@dataclass(frozen=True)
class Editieweergave:
    gemeente: str
    programma: str
    uitvoeringsplan: dict | None  # titel, zaaknummer, datum of the plan the edition reports on
    secties: list[Sectieweergave]
    financien: Financienweergave
    risicobeheersing: Risicoweergave
    monitoring: Monitoringweergave
    sociaal_domein: Sociaaldomeinweergave
    voortgang: Voortgangweergave
    moties: Motieweergave
    participatie: Participatieweergave
    inhoud: dict = field(repr=False)
    user: object = field(repr=False, default=None)

    @cached_property
    def grafieken(self) -> dict[str, SafeString]:
        """The charts by name (voortgang, besparingen, piramide), those the snapshot has data for."""
        return editie_grafieken.voor(self.inhoud, self.user)

    @cached_property
    def tabellen(self) -> list[Tabel]:
        """Every table of the files (rapportage.weergave.tabellen), from these same rows."""
        return tabellen(self)


def secties(toelichtingen: dict | None) -> list[Sectieweergave]:
    """The sections in the order of the annex, each with its manager's text and its partial template."""
    toelichtingen = toelichtingen or {}
    return [
        Sectieweergave(
            sleutel=sectie.value,
            label=sectie.label,
            toelichting=toelichtingen.get(sectie.value, ""),
            template=f"rapportage/secties/{sectie.value}.html",
        )
        for sectie in Sectie
    ]


def editie_weergave(rapportage, user=None) -> Editieweergave:
    """Everything `rapportage` shows, for `user` (None: the anonymous reader of the PDF and the files)."""
    inhoud = rapportage.inhoud or {}
    user = AnonymousUser() if user is None else user
    return Editieweergave(
        gemeente=inhoud.get("gemeente") or GEMEENTE,
        programma=inhoud.get("programma") or PROGRAMMA,
        uitvoeringsplan=inhoud.get("uitvoeringsplan"),
        secties=secties(rapportage.toelichtingen),
        financien=financien(inhoud),
        risicobeheersing=risicobeheersing(inhoud),
        monitoring=monitoring(inhoud, user),
        sociaal_domein=sociaal_domein(inhoud, user),
        voortgang=voortgang(inhoud),
        moties=moties(inhoud),
        participatie=participatie(inhoud),
        inhoud=inhoud,
        user=user,
    )
