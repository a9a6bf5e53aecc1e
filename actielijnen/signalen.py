"""
Hooks through which the floors above (participatie) put their warnings and waiting decisions on actielijnen's
pages: the management dashboard, the activity page and the decision inbox.

actielijnen may not import the apps above it (tests/test_lagen.py), so those apps register a function here from
their `AppConfig.ready()`. Each registered function must run a fixed number of queries, whatever the data size.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Signaal:
    """A warning: a sentence, the page that explains it and, when it concerns one activity, that activity's pk."""

    tekst: str
    url: str = ""
    activiteit_id: int | None = None
    voorbeeld: bool = False  # derived from rows the demo invented (kern/herkomst.py): the page marks it


@dataclass(frozen=True)
class Besluitpunt:
    """A decision that waits, owned by another app (e.g. a participatie-advies the opdrachtgever decides on)."""

    soort: str  # "Participatie-advies (stap I)"
    omschrijving: str
    url: str  # where it is read and, for who may, decided
    sinds: date | datetime
    activiteit: object | None  # an Activiteit with its actielijn selected
    mag_beslissen: bool
    voorbeeld: bool = False  # the demo invented it (kern/herkomst.py): the inbox marks it


# A function vandaag -> list[Signaal]: warnings of the programme (activiteit_id None; the dashboard shows them) and
# the same per activity it concerns (activiteit_id set; that activity's page shows them).
_signaalbronnen: list[Callable[[date], list[Signaal]]] = []
# A function (user, programmabreed: bool) -> list[Besluitpunt].
_besluitbronnen: list[Callable[[object, bool], list[Besluitpunt]]] = []
# A function () -> Counter {activiteit_id: open decisions}: what the dashboard counts per row.
_besluittellers: list[Callable[[], Counter]] = []


def signaalbron_registreren(functie: Callable[[date], list[Signaal]]) -> None:
    if functie not in _signaalbronnen:
        _signaalbronnen.append(functie)


def besluitbron_registreren(
    punten: Callable[[object, bool], list[Besluitpunt]], teller: Callable[[], Counter]
) -> None:
    """Register a kind of decision: `punten` lists them for the inbox, `teller` counts the open ones per
    activity for the dashboard. Both must agree, so the dashboard's count equals the inbox's rows."""
    if punten not in _besluitbronnen:
        _besluitbronnen.append(punten)
        _besluittellers.append(teller)


def signalen(vandaag: date) -> list[Signaal]:
    """Every registered warning as of `vandaag`."""
    return [signaal for bron in _signaalbronnen for signaal in bron(vandaag)]


def programmasignalen(vandaag: date) -> list[Signaal]:
    """The warnings of the programme as a whole (the dashboard): each once, without the copies a source adds per
    activity it concerns (those are for the activity pages)."""
    return [s for s in signalen(vandaag) if s.activiteit_id is None]


def signalen_van(activiteit_id: int, vandaag: date) -> list[Signaal]:
    """The warnings that concern one activity (its page shows them)."""
    return [s for s in signalen(vandaag) if s.activiteit_id == activiteit_id]


def besluitpunten(user, programmabreed: bool) -> list[Besluitpunt]:
    return [punt for bron in _besluitbronnen for punt in bron(user, programmabreed)]


def open_besluiten_per_activiteit() -> Counter:
    totaal: Counter = Counter()
    for teller in _besluittellers:
        totaal.update(teller())
    return totaal


@dataclass(frozen=True)
class Koppeling:
    """A link from an activity's page to a page another app keeps about it (its participatie, say)."""

    label: str
    url: str


# A function (activiteit, user) -> list[Koppeling], without queries.
_koppelingbronnen: list[Callable[[object, object], list[Koppeling]]] = []


def koppelingbron_registreren(functie: Callable[[object, object], list[Koppeling]]) -> None:
    if functie not in _koppelingbronnen:
        _koppelingbronnen.append(functie)


def koppelingen(activiteit, user) -> list[Koppeling]:
    """The links other apps offer on this activity's page, for this user."""
    return [k for bron in _koppelingbronnen for k in bron(activiteit, user)]
