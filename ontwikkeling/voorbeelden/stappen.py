"""The labelled example data of participation steps I, II and IV (§4.1) for the demo: one activity whose advice
waits for its opdrachtgever, one with participation agreed, a plan approved and an evaluation, one where the
opdrachtgever agreed to no participation, and an evaluation of the whole. Written through participatie/stappen.py."""

from datetime import date, timedelta

from actielijnen.models import Activiteit
from ontwikkeling.voorbeelden import VOORBEELD
from participatie.services import stappen


def laden(gebruikers: dict, vandaag: date, verslag) -> None:
    """Add the examples to activities at the end of the agenda (the first ones stay untouched for a walk
    through the steps); nothing when there are fewer than three activities with a trekker and opdrachtgever."""
    kandidaten = list(
        Activiteit.objects.op_agenda()
        .exclude(trekker=None)
        .exclude(opdrachtgever=None)
        .filter(participatieadviezen=None)
        .select_related("trekker", "opdrachtgever")
        .order_by("-actielijn__nummer", "-volgorde")[:3]
    )
    if len(kandidaten) < 3:
        return
    wachtend, met_plan, zonder = kandidaten
    _advies(wachtend, zinvol=True)
    verslag.tel("participatie-adviezen")

    advies = _advies(met_plan, zinvol=True)
    stappen.advies_besluiten(
        advies=advies,
        gebruiker=met_plan.opdrachtgever,
        akkoord=True,
        toelichting=f"{VOORBEELD} akkoord, betrek ook de cliëntenraden.",
    )
    plan = stappen.plan_indienen(
        activiteit=met_plan,
        gebruiker=met_plan.trekker,
        doel=f"{VOORBEELD} samen met inwoners en partners bepalen hoe de toegang eenvoudiger wordt.",
        doelgroep=f"{VOORBEELD} cliëntenraden, adviesraad sociaal domein, Wijkkracht.",
        aanpak=f"{VOORBEELD} drie werksessies in de wijken en een korte online vragenlijst.",
        planning=f"{VOORBEELD} werksessies in het tweede kwartaal, terugkoppeling in het derde.",
    )
    stappen.plan_besluiten(plan=plan, gebruiker=met_plan.opdrachtgever, akkoord=True, toelichting="")
    stappen.evaluatie_toevoegen(
        activiteit=met_plan,
        gebruiker=met_plan.trekker,
        datum=vandaag - timedelta(days=30),
        bevindingen=f"{VOORBEELD} goede opkomst bij de eerste werksessie; jongeren ontbraken.",
        bijstellingen=f"{VOORBEELD} een extra sessie via het jongerenwerk.",
    )
    verslag.tel("participatie-adviezen")
    verslag.tel("plannen van aanpak participatie")

    advies = _advies(zonder, zinvol=False)
    stappen.advies_besluiten(
        advies=advies,
        gebruiker=zonder.opdrachtgever,
        akkoord=True,
        toelichting=f"{VOORBEELD} akkoord: een intern traject, participatie voegt hier niets toe.",
    )
    verslag.tel("participatie-adviezen")

    evaluator = gebruikers.get("manager") or gebruikers.get("opgavecoordinator")
    if evaluator is not None:
        stappen.evaluatie_toevoegen(
            activiteit=None,
            gebruiker=evaluator,
            datum=vandaag - timedelta(days=14),
            bevindingen=f"{VOORBEELD} dezelfde partners worden voor meerdere activiteiten gevraagd.",
            bijstellingen=f"{VOORBEELD} bijeenkomsten van verwante activiteiten voortaan combineren.",
        )
        verslag.tel("tussentijdse evaluaties", 2)
    else:
        verslag.tel("tussentijdse evaluaties")


def _advies(activiteit: Activiteit, *, zinvol: bool):
    return stappen.advies_indienen(
        activiteit=activiteit,
        gebruiker=activiteit.trekker,
        check_randvoorwaarden=f"{VOORBEELD} inwoners zijn direct geraakt en er is ruimte voor hun invloed.",
        check_zakelijk_partnerschap=f"{VOORBEELD} geen lopend inkooptraject voor dit onderwerp.",
        participatie_zinvol=zinvol,
        onderbouwing=f"{VOORBEELD} "
        + (
            "wie de regeling gebruikt, weet het best waar zij knelt."
            if zinvol
            else "het gaat om een interne werkwijze zonder keuzes voor inwoners."
        ),
    )
