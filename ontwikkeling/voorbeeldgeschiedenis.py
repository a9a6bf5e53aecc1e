"""
A lived-in example history for the demo (`manage.py load_programma --demo`), so every page shows what it is for.

A fresh demo has the programme but no use of it: no updates, no scores, no planning, no decisions, no edition. This
module adds, once, a clearly labelled example of a year of use — updates over time per activity, milestones, a
planning, scored programme and activity risks, decisions waiting for the opdrachtgever, participatie's procurement
tracks, participation steps, stakeholders, inbreng and communication, and a published raad edition —
through the same services the pages use, so the rules and the history hold for it as for real work.

Labelled: every text starts with `VOORBEELD`, every history row carries it as its change reason, the edition's title
says it. Never in production: the command refuses `--demo` without DEBUG. Never on top of real use: when the
database has any update or edition already, nothing is added. Deterministic: the same programme and the same day give
the same history. Top floor (rapportage) because an edition is part of it.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from actielijnen import services as actielijnen_services
from actielijnen.constants import ActiviteitStatus, Fase, RagStatus, RisicoStatus
from actielijnen.models import Activiteit, Opdrachtbeschrijving, Risico, Voortgangsrapportage
from kern.herkomst import WIJZIGINGSREDEN, Voorbeeldherkomst
from kern.notatie import kwartaal_van
from ontwikkeling.voorbeelden import betrokkenen, communicatie, inbreng, inkoop, stappen
from rapportage import services as rapportage_services
from rapportage.constants import PcMoment
from rapportage.models import Rapportage

VOORBEELD = "Voorbeeld (demo):"

# Scores of the ten programme risks (§3) in the example: (kans, impact). The plan does not score them; these are
# invented for the demo only, so the matrix and "grootste risico's" show what they are for.
VOORBEELDSCORES = {
    "1a": (4, 4),
    "1b": (3, 4),
    "1c": (2, 3),
    "2a": (3, 5),
    "2b": (2, 4),
    "2c": (2, 2),
    "3a": (4, 3),
    "3b": (3, 3),
    "3c": (1, 4),
    "3d": (2, 5),
}
FASEN = [Fase.VERKENNING, Fase.OPDRACHTFORMULERING, Fase.UITVOERING, Fase.IMPLEMENTATIE]
UPDATES_PER_ACTIVITEIT = 6


@dataclass
class Voorbeeldverslag:
    """What was added; `overgeslagen` says why nothing was, if so."""

    aantallen: dict[str, int] = field(default_factory=dict)
    overgeslagen: str = ""

    def tel(self, naam: str, aantal: int = 1) -> None:
        self.aantallen[naam] = self.aantallen.get(naam, 0) + aantal


def al_in_gebruik() -> str:
    """Why no example history may be added (the database is in use), or "" when it may."""
    if Voortgangsrapportage.objects.exists():
        return "er staan al voortgangsupdates in de database"
    if Rapportage.objects.exists():
        return "er staan al rapportages in de database"
    return ""


@transaction.atomic
def voorbeeldgeschiedenis_laden(*, vandaag: date | None = None) -> Voorbeeldverslag:
    """Add the example history once (all or nothing); a database already in use gets nothing."""
    verslag = Voorbeeldverslag()
    verslag.overgeslagen = al_in_gebruik()
    if verslag.overgeslagen:
        return verslag
    vandaag = vandaag or timezone.localdate()
    begin = timezone.now()
    gebruikers = {u.username: u for u in get_user_model().objects.filter(username__in=["manager", "college"])}
    if len(gebruikers) < 2:
        verslag.overgeslagen = "de demo-accounts manager en college ontbreken"
        return verslag
    activiteiten = list(
        Activiteit.objects.op_agenda()
        .exclude(trekker=None)
        .select_related("trekker", "opdrachtgever", "opdrachtnemer", "opgavecoordinator")
        .order_by("actielijn__nummer", "volgorde")
    )
    for nummer, activiteit in enumerate(activiteiten):
        _planning(activiteit, nummer, verslag)
        _updates_en_mijlpalen(activiteit, nummer, vandaag, verslag)
    _programmarisicos_scoren(gebruikers["manager"], verslag)
    _activiteitrisicos(activiteiten, verslag)
    _besluiten_die_wachten(activiteiten, vandaag, verslag)
    _participatie(vandaag, verslag)
    # Flagged before the edition is frozen, so its rows carry the flag into page, PDF, XLSX, CSV and open data.
    _herkomst_markeren(begin)
    _gepubliceerde_editie(gebruikers["manager"], gebruikers["college"], vandaag, verslag)
    _herkomst_markeren(begin)
    _geschiedenis_labelen(begin)
    return verslag


def _participatie(vandaag: date, verslag: Voorbeeldverslag) -> None:
    """participatie's examples (procurement tracks, steps I–IV, stakeholders, inbreng, communication), before the
    edition is published so that it carries "wat deden we met de inbreng"; the trajectories come before the
    contributions made on them."""
    gebruikers = {u.username: u for u in get_user_model().objects.all()}
    for deel in (inkoop, stappen, betrokkenen, inbreng, communicatie):
        deel.laden(gebruikers, vandaag, verslag)


def _herkomst_markeren(begin) -> None:
    """Set `voorbeeld` on every record this example created or changed (its history rows since `begin` say which):
    the one place the flag is set (kern/herkomst.py). A real source record the example wrote into (an activity's
    planning and stoplight, a base risk's score, a procurement step's dates) is flagged too."""
    for model in apps.get_models():
        if not issubclass(model, Voorbeeldherkomst) or not hasattr(model, "history"):
            continue
        geraakt = model.history.filter(history_date__gte=begin).values(model._meta.pk.attname)
        model.objects.filter(pk__in=geraakt, voorbeeld=False).update(voorbeeld=True)


def _geschiedenis_labelen(begin) -> None:
    """Every history row this example wrote carries WIJZIGINGSREDEN, so the history pages say it is an example."""
    for model in apps.get_models():
        if model.__name__.startswith("Historical") and hasattr(model, "history_change_reason"):
            model.objects.filter(history_date__gte=begin).update(history_change_reason=WIJZIGINGSREDEN)


def _planning(activiteit: Activiteit, nummer: int, verslag: Voorbeeldverslag) -> None:
    """The first planning, set by the activity's opdrachtgever through the same service as the page."""
    if activiteit.geplande_start or not activiteit.opdrachtgever_id:
        return
    startjaar, startkwartaal = 2023, 1 + nummer % 4
    eind_index = (startkwartaal - 1) + 4 + nummer % 8  # one to three years
    actielijnen_services.planning_vastleggen(
        activiteit=activiteit,
        gebruiker=activiteit.opdrachtgever,
        geplande_start=f"{startjaar}-Q{startkwartaal}",
        gepland_einde=f"{startjaar + eind_index // 4}-Q{eind_index % 4 + 1}",
    )
    activiteit.refresh_from_db(fields=["geplande_start", "gepland_einde"])
    verslag.tel("planningen")


def _stoplichten(nummer: int) -> list[str]:
    """The colours of an activity's updates over time: most on course, some needing attention, two off course."""
    if nummer % 11 == 4:
        return [
            RagStatus.GROEN,
            RagStatus.ORANJE,
            RagStatus.ORANJE,
            RagStatus.ROOD,
            RagStatus.ROOD,
            RagStatus.ROOD,
        ]
    if nummer % 5 == 2:
        return [
            RagStatus.GROEN,
            RagStatus.GROEN,
            RagStatus.ORANJE,
            RagStatus.GROEN,
            RagStatus.ORANJE,
            RagStatus.ORANJE,
        ]
    return [
        RagStatus.GROEN,
        RagStatus.GROEN,
        RagStatus.ORANJE,
        RagStatus.GROEN,
        RagStatus.GROEN,
        RagStatus.GROEN,
    ]


def _updates_en_mijlpalen(
    activiteit: Activiteit, nummer: int, vandaag: date, verslag: Voorbeeldverslag
) -> None:
    ritme = activiteit.update_ritme_dagen
    # Most activities are up to date; every eighth one missed its latest update, so "te laat" shows what it means.
    achterstand = ritme + 12 if nummer % 8 == 7 else 2 + (nummer * 3) % max(ritme - 5, 1)
    laatste = vandaag - timedelta(days=achterstand)
    data = [
        laatste - timedelta(days=ritme * (UPDATES_PER_ACTIVITEIT - 1 - i))
        for i in range(UPDATES_PER_ACTIVITEIT)
    ]
    bereikt = actielijnen_services.mijlpaal_create(
        activiteit=activiteit,
        door=activiteit.trekker,
        omschrijving=f"{VOORBEELD} opdrachtbeschrijving besproken met de partners",
        datum_gepland=data[1] + timedelta(days=5),
    )
    actielijnen_services.mijlpaal_create(
        activiteit=activiteit,
        door=activiteit.trekker,
        omschrijving=f"{VOORBEELD} tussenevaluatie met de opdrachtgever",
        # One in six is overdue, the others lie ahead.
        datum_gepland=vandaag - timedelta(days=10)
        if nummer % 6 == 1
        else vandaag + timedelta(days=40 + nummer),
    )
    verslag.tel("mijlpalen", 2)
    stoplichten = _stoplichten(nummer)
    for index, datum in enumerate(data):
        fase = FASEN[min(index * len(FASEN) // UPDATES_PER_ACTIVITEIT + nummer % 2, len(FASEN) - 1)]
        stoplicht = stoplichten[index]
        actielijnen_services.voortgangsrapportage_create(
            activiteit=activiteit,
            auteur=activiteit.trekker,
            datum=datum,
            periode=kwartaal_van(datum),
            rag=stoplicht,
            percentage_gereed=min(95, 10 + index * 15 + nummer % 10),
            fase=fase,
            status=ActiviteitStatus.LOPEND,
            toelichting=f"{VOORBEELD} {_toelichting(stoplicht, fase)}",
            knelpunten=f"{VOORBEELD} de partners hebben weinig tijd voor overleg."
            if stoplicht != "groen"
            else "",
            mijlpalen_bereikt=[bereikt] if index == 2 else [],
        )
        verslag.tel("voortgangsupdates")


def _toelichting(stoplicht: str, fase: str) -> str:
    fase_tekst = Fase(fase).label.lower()
    if stoplicht == RagStatus.GROEN:
        return f"de {fase_tekst} loopt volgens plan; de afspraken met de partners staan."
    if stoplicht == RagStatus.ORANJE:
        return f"de {fase_tekst} loopt uit: een partner kan pas later aansluiten."
    return f"de {fase_tekst} staat stil: er is geen capaciteit; bijsturing is nodig."


def _programmarisicos_scoren(manager, verslag: Voorbeeldverslag) -> None:
    """The manager's first (invented) score of the programme risks the sources leave unscored.

    Through the manager's own service for programme risks. A risk the sources say is no longer followed (3b:
    "niet meer apart") keeps its state: the demo builds on the loaded facts and never contradicts them.
    """
    for risico in Risico.objects.basisrisicos().filter(kans=None, impact=None, status=RisicoStatus.ACTIEF):
        if risico.code not in VOORBEELDSCORES:
            continue
        kans, impact = VOORBEELDSCORES[risico.code]
        actielijnen_services.programmarisico_beoordelen(
            risico=risico,
            auteur=manager,
            kans=kans,
            impact=impact,
            eigenaar=manager,
            beheersmaatregel=risico.beheersmaatregel,
            status=risico.status,
            toelichting=f"{VOORBEELD} eerste beoordeling door de manager (verzonnen score, geen echte gegevens).",
        )
        verslag.tel("programmarisico's gescoord")


def _activiteitrisicos(activiteiten: list[Activiteit], verslag: Voorbeeldverslag) -> None:
    basis = {r.code: r for r in Risico.objects.basisrisicos()}
    for nummer, activiteit in enumerate(activiteiten[::3]):
        actielijnen_services.risico_create(
            activiteit=activiteit,
            auteur=activiteit.trekker,
            omschrijving=f"{VOORBEELD} te weinig capaciteit bij de partners om mee te doen",
            kans=2 + nummer % 3,
            impact=3 + nummer % 3,
            beheersmaatregel=f"{VOORBEELD} vroeg plannen en de partners vooraf laten kiezen.",
            basisrisico=basis.get("3a"),
            toelichting=f"{VOORBEELD} gezien bij de start.",
        )
        verslag.tel("activiteitrisico's")


def _besluiten_die_wachten(activiteiten: list[Activiteit], vandaag: date, verslag: Voorbeeldverslag) -> None:
    """Three things on the opdrachtgever's desk: a decision asked in an update, a planning change, a text to set."""
    met_opdrachtgever = [a for a in activiteiten if a.opdrachtgever_id]
    if len(met_opdrachtgever) < 3:
        return
    eerste, tweede, derde = met_opdrachtgever[0], met_opdrachtgever[1], met_opdrachtgever[2]
    actielijnen_services.voortgangsrapportage_create(
        activiteit=eerste,
        auteur=eerste.trekker,
        datum=vandaag - timedelta(days=1),
        periode=kwartaal_van(vandaag),
        rag=RagStatus.ORANJE,
        percentage_gereed=70,
        fase=Fase.UITVOERING,
        status=ActiviteitStatus.LOPEND,
        toelichting=f"{VOORBEELD} de pilot is klaar; voor de vervolgstap is een besluit nodig.",
        besluit_nodig=True,
        besluit_omschrijving=f"{VOORBEELD} gaan we door met de pilot in twee extra wijken?",
    )
    verslag.tel("voortgangsupdates")
    actielijnen_services.planningswijziging_indienen(
        activiteit=tweede,
        aangevraagd_door=tweede.trekker,
        reden=f"{VOORBEELD} de aanbesteding loopt een kwartaal uit; het einde schuift op.",
        nieuwe_start="",
        nieuw_einde=_kwartaal_later(tweede.gepland_einde),
    )
    verslag.tel("planningswijzigingen")
    opdracht, _ = Opdrachtbeschrijving.objects.get_or_create(activiteit=derde)
    if opdracht.status == "concept":
        actielijnen_services.opdrachtbeschrijving_bijwerken(
            opdrachtbeschrijving=opdracht,
            door=derde.trekker,
            **{naam: f"{VOORBEELD} ingevuld door de trekker." for naam in Opdrachtbeschrijving.ONDERDELEN},
        )
        actielijnen_services.opdrachtbeschrijving_ter_goedkeuring(
            opdrachtbeschrijving=opdracht, door=derde.trekker
        )
        verslag.tel("opdrachtbeschrijvingen ter goedkeuring")


def _kwartaal_later(kwartaal: str) -> str:
    jaar, nummer = int(kwartaal[:4]), int(kwartaal[-1])
    return f"{jaar + nummer // 4}-Q{nummer % 4 + 1}"


def _gepubliceerde_editie(manager, college, vandaag: date, verslag: Voorbeeldverslag) -> None:
    editie = rapportage_services.rapportage_aanmaken(
        door=manager,
        pc_moment=PcMoment.VIERMAANDSRAPPORTAGE,
        jaar=vandaag.year,
        titel=f"Voorbeeldrapportage (demo) {vandaag.year}, geen echte gegevens",
        peildatum=vandaag,
        toelichtingen={},
    )
    rapportage_services.vaststellen(rapportage=editie, door=college)
    rapportage_services.publiceren(rapportage=editie, door=college)
    verslag.tel("gepubliceerde rapportages")
