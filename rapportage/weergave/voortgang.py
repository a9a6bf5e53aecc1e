"""Voortgang per actielijn: counts per actielijn and in total, each activity's stand, milestones reached and missed."""

from dataclasses import dataclass, field

from kern.herkomst import is_voorbeeld
from rapportage.weergave.notities import Notitie, notitie
from rapportage.weergave.tekst import LEEG, cijfer_tekst, datum_tekst

TELLINGEN = ("aantal", "gestart", "afgerond", "groen", "oranje", "rood", "onbekend")


@dataclass(frozen=True)
class Tellingrij:
    """An actielijn's counts (or the programme's as a whole); `niet_op_agenda`: activities of §2.1 not counted."""

    kop: str
    aantal: int | str
    gestart: int | str
    afgerond: int | str
    groen: int | str
    oranje: int | str
    rood: int | str
    onbekend: int | str
    niet_op_agenda: int | None
    gemiddeld_gereed: str
    gegevens: dict = field(repr=False)

    @property
    def voorbeeld(self) -> bool:
        """Whether the demo invented what this row shows (kern/herkomst.py; frozen in the snapshot)."""
        return is_voorbeeld(self.gegevens)


@dataclass(frozen=True)
class Activiteitrij:
    kop: str
    status: str
    rag: str  # groen, oranje, rood, onbekend: the badge's modifier
    rag_label: str
    percentage: str
    fase: str
    laatste_update: str
    gegevens: dict = field(repr=False)

    @property
    def voorbeeld(self) -> bool:
        """Whether the demo invented what this row shows (kern/herkomst.py; frozen in the snapshot)."""
        return is_voorbeeld(self.gegevens)


@dataclass(frozen=True)
class Actielijnactiviteiten:
    kop: str  # the table's caption: 'Actielijn 1: …'
    activiteiten: list[Activiteitrij]


@dataclass(frozen=True)
class Mijlpaalrij:
    omschrijving: str
    activiteit: str  # 'Naam (actielijn 2)'
    gepland: str
    bereikt: str
    gegevens: dict = field(repr=False)

    @property
    def voorbeeld(self) -> bool:
        """Whether the demo invented what this row shows (kern/herkomst.py; frozen in the snapshot)."""
        return is_voorbeeld(self.gegevens)


@dataclass(frozen=True)
class Voortgangweergave:
    totaal: Tellingrij
    actielijnen: list[Tellingrij]
    per_actielijn: list[Actielijnactiviteiten]  # only actielijnen with activities
    activiteiten: list[Activiteitrij]  # every activity, in the snapshot's order
    mijlpalen: list[Mijlpaalrij]
    bereikt: list[Mijlpaalrij]
    gemist: list[Mijlpaalrij]
    # The sources' notes on the actielijnen and activities, each with the row it concerns (editions since issue 24).
    notities: list[Notitie] = field(default_factory=list)


def _tellingrij(kop: str, lijn: dict) -> Tellingrij:
    return Tellingrij(
        kop=kop,
        **{t: lijn.get(t, "") for t in TELLINGEN},
        niet_op_agenda=lijn.get("niet_op_agenda"),
        gemiddeld_gereed=cijfer_tekst(lijn.get("gemiddeld_gereed"), "percentage"),
        gegevens=lijn,
    )


def _activiteitrij(activiteit: dict) -> Activiteitrij:
    code, percentage = activiteit.get("code"), activiteit.get("percentage")
    return Activiteitrij(
        kop=f"{code} {activiteit.get('naam', '')}" if code else activiteit.get("naam", ""),
        status=activiteit.get("status_label", ""),
        rag=activiteit.get("rag", ""),
        rag_label=activiteit.get("rag_label", ""),
        percentage=LEEG if percentage is None else f"{percentage}%",
        fase=activiteit.get("fase_label") or LEEG,
        laatste_update=datum_tekst(activiteit.get("laatste_update")),
        gegevens=activiteit,
    )


def _mijlpaalrij(mijlpaal: dict) -> Mijlpaalrij:
    return Mijlpaalrij(
        omschrijving=mijlpaal.get("omschrijving", ""),
        activiteit=f"{mijlpaal.get('activiteit_naam', '')} (actielijn {mijlpaal.get('actielijn', '')})",
        gepland=datum_tekst(mijlpaal.get("datum_gepland")),
        bereikt=datum_tekst(mijlpaal.get("datum_bereikt")),
        gegevens=mijlpaal,
    )


def voortgang(inhoud: dict) -> Voortgangweergave:
    gegevens = inhoud.get("voortgang") or {}
    activiteiten = [(a, _activiteitrij(a)) for a in gegevens.get("activiteiten", [])]
    mijlpalen = [_mijlpaalrij(m) for m in gegevens.get("mijlpalen", [])]
    lijnen = gegevens.get("actielijnen", [])
    return Voortgangweergave(
        totaal=_tellingrij("Totaal (het programma als geheel)", gegevens.get("totaal") or {}),
        actielijnen=[_tellingrij(f"{lijn['nummer']}. {lijn['naam']}", lijn) for lijn in lijnen],
        per_actielijn=[
            Actielijnactiviteiten(
                f"Actielijn {lijn['nummer']}: {lijn['naam']}",
                [rij for a, rij in activiteiten if a["actielijn"] == lijn["nummer"]],
            )
            for lijn in lijnen
        ],
        activiteiten=[rij for _, rij in activiteiten],
        mijlpalen=mijlpalen,
        bereikt=[m for m in mijlpalen if m.gegevens["stand"] == "bereikt"],
        gemist=[m for m in mijlpalen if m.gegevens["stand"] == "gemist"],
        notities=[
            notitie(n, f"actielijn {lijn['nummer']}") for lijn in lijnen for n in lijn.get("notities", ())
        ]
        + [notitie(n, rij.kop) for a, rij in activiteiten for n in a.get("notities", ())],
    )
