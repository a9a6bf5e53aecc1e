"""The labelled example of the communication (demo only): actions on all four lines, overarching (publiekscampagne,
webpagina, informatiemarkt, the newsletter) and per activity, some booked on the plan's budget. The newsletter went
out every completed quarter but one: the page lists that quarter (a year is judged on the year, so the
dashboard warns only when a completed year falls short). Amounts and dates are made up."""

from datetime import date
from decimal import Decimal

from actielijnen.models import Activiteit
from kern.notatie import kwartaal_begin, kwartaal_van
from ontwikkeling.voorbeelden import VOORBEELD
from participatie.constants import NIEUWSBRIEF_VANAF
from participatie.models import Communicatiebudget, Communicatielijn
from participatie.services import communicatie

# (lijn, middel, naam, gepland, uitgevoerd, kosten on the budget?)
_OVERKOEPELEND = (
    (
        "inwoner",
        "publiekscampagne",
        "Publiekscampagne 'Het gewone leven'",
        date(2023, 9, 1),
        date(2023, 10, 2),
        "38500",
    ),
    (
        "client",
        "sociale_kaart",
        "Digitale sociale kaart: verkenning informatiebehoefte",
        date(2023, 6, 1),
        date(2023, 6, 20),
        "12750,50",
    ),
    (
        "partner",
        "webpagina",
        "Webpagina Transformatieplan Sociaal Domein",
        date(2023, 2, 1),
        date(2023, 2, 15),
        None,
    ),
    (
        "partner",
        "informatiemarkt",
        "Informatiemarkt maatschappelijk middenveld",
        date(2023, 5, 15),
        date(2023, 6, 8),
        None,
    ),
    ("intern", "netwerkbijeenkomst", "Netwerkbijeenkomst sociaal domein", date(2024, 10, 1), None, None),
)


def _nieuwsbriefkwartalen(vandaag: date) -> list[str]:
    """Every completed quarter since the plan's first, but one (the second to last), so the page shows a gap."""
    kwartalen, dag = [], kwartaal_begin(NIEUWSBRIEF_VANAF)
    while kwartaal_van(dag) != kwartaal_van(vandaag) and dag < vandaag:
        kwartalen.append(kwartaal_van(dag))
        dag = date(dag.year + (dag.month == 10), 1 if dag.month == 10 else dag.month + 3, 1)
    if len(kwartalen) >= 2:
        del kwartalen[-2]
    return kwartalen


def laden(gebruikers: dict, vandaag: date, verslag) -> None:
    """Add the example actions through the service, as the manager (overarching) and the trekkers (their own)."""
    lijnen = {lijn.sleutel: lijn for lijn in Communicatielijn.objects.all()}
    budget = Communicatiebudget.objects.order_by("sleutel").first()
    manager = gebruikers.get("manager")
    if manager is None or len(lijnen) < 4:
        return
    aantal = 0

    def toevoegen(door, **velden):
        nonlocal aantal
        communicatie.actie_toevoegen(door=door, vandaag=vandaag, **velden)
        aantal += 1

    for sleutel, middel, naam, gepland, uitgevoerd, kosten in _OVERKOEPELEND:
        if uitgevoerd and uitgevoerd > vandaag:
            uitgevoerd = None
        toevoegen(
            manager,
            naam=naam,
            middel=middel,
            communicatielijn=lijnen[sleutel],
            activiteit=None,
            eigenaar=manager,
            gepland_op=gepland,
            uitgevoerd_op=uitgevoerd,
            budget=budget if kosten and budget else None,
            kosten=Decimal(kosten.replace(",", ".")) if kosten else None,
            toelichting=f"{VOORBEELD} verzonnen actie en bedrag.",
        )
    for kwartaal in _nieuwsbriefkwartalen(vandaag):
        midden = kwartaal_begin(kwartaal).replace(day=15)
        midden = midden.replace(month=midden.month + 1)
        toevoegen(
            manager,
            naam=f"Nieuwsbrief transformatie sociaal domein {kwartaal}",
            middel="nieuwsbrief",
            communicatielijn=lijnen["partner"],
            activiteit=None,
            eigenaar=manager,
            gepland_op=midden,
            uitgevoerd_op=midden,
            toelichting=f"{VOORBEELD} verzonnen nieuwsbrief.",
        )
    for trekker, lijn, middel, naam, kosten in (
        ("trekker", "client", "persoonlijk", "Heldere boodschap per zorgvraag voor de wijkteams", "2400"),
        ("trekker2", "partner", "overig", "Informatiebrief aan aanbieders over de dialoogfase", None),
    ):
        user = gebruikers.get(trekker)
        activiteit = Activiteit.objects.filter(trekker=user).order_by("actielijn__nummer", "volgorde").first()
        if user is None or activiteit is None:
            continue
        toevoegen(
            user,
            naam=naam,
            middel=middel,
            communicatielijn=lijnen[lijn],
            activiteit=activiteit,
            eigenaar=user,
            gepland_op=date(2024, 3, 1),
            uitgevoerd_op=None,  # planned, not done: shows as "te laat" on the page
            budget=None,
            kosten=Decimal(kosten) if kosten else None,
            toelichting=f"{VOORBEELD} verzonnen actie.",
        )
    verslag.tel("communicatieacties", aantal)
