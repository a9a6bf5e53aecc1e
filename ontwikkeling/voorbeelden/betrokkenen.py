"""The labelled example of step III (§4.1) and wijkgericht werken (§2.3.2) for the demo: two example wijken (the
sources name none), three wijkgericht activities tied to them, two trajectories with stakeholders and meetings so
that Wijkkracht is overvraagd this quarter, and a threshold set by the manager. Written through
participatie/services/betrokkenen.py as the manager; dates follow `vandaag`, so the warning shows whenever the demo is loaded."""

from datetime import date, timedelta

from actielijnen.models import Activiteit
from monitoring.models import Wijk
from ontwikkeling.voorbeelden import VOORBEELD
from participatie.models import Overvragingsdrempel, Participatietraject, Stakeholder
from participatie.overvraging import Kwartaal
from participatie.services import betrokkenen

WIJKEN = ("Voorbeeldwijk Noord (demo)", "Voorbeeldwijk Zuid (demo)")
# (activity, wijken by index) — activities §2.3.2 names as wijkgericht.
IN_WIJKEN = (
    ("versterken-sociale-basis", (0, 1)),
    ("wijkteams-jeugd", (0,)),
    ("zorgloket-naar-de-wijk", (1,)),
)


def laden(gebruikers: dict, vandaag: date, verslag) -> None:
    """Add the examples once; nothing when they are there already or the activities are missing."""
    if Participatietraject.objects.filter(naam__startswith=VOORBEELD).exists():
        return
    activiteiten = Activiteit.objects.in_bulk([sleutel for sleutel, _ in IN_WIJKEN], field_name="sleutel")
    stakeholders = Stakeholder.objects.in_bulk(
        ["Wijkkracht", "Bewonersorganisaties", "Cliëntenraden", "Huisartsen"], field_name="naam"
    )
    if len(activiteiten) < len(IN_WIJKEN) or len(stakeholders) < 4 or "manager" not in gebruikers:
        return
    # The manager writes programme-wide (participatie/permissions.py), as the services require of the acting user.
    door = gebruikers["manager"]
    wijken = [Wijk.objects.get_or_create(naam=naam)[0] for naam in WIJKEN]
    verslag.tel("voorbeeldwijken", len(wijken))
    for sleutel, indexen in IN_WIJKEN:
        betrokkenen.wijken_koppelen(
            activiteit=activiteiten[sleutel],
            door=door,
            wijken=[wijken[i] for i in indexen],
            toelichting=f"{VOORBEELD} de activiteit werkt vanuit het wijkcentrum.",
        )
        verslag.tel("activiteiten in wijken")

    kwartaal = Kwartaal.van(vandaag)
    sociale_basis = betrokkenen.traject_opslaan(
        door=door,
        activiteit=activiteiten["versterken-sociale-basis"],
        naam=f"{VOORBEELD} bewonersavonden sociale basis",
        omschrijving=f"{VOORBEELD} met bewoners en Wijkkracht bepalen welke voorzieningen de wijk nodig heeft.",
        start=kwartaal.begin - timedelta(days=90),
        einde=kwartaal.einde + timedelta(days=180),
        stakeholders=[stakeholders["Wijkkracht"], stakeholders["Bewonersorganisaties"]],
        wijken=wijken,
    )
    zorgloket = betrokkenen.traject_opslaan(
        door=door,
        activiteit=activiteiten["zorgloket-naar-de-wijk"],
        naam=f"{VOORBEELD} klankbord zorgloket in de wijk",
        omschrijving=f"{VOORBEELD} cliëntenraden en huisartsen denken mee over het loket in de wijk.",
        start=kwartaal.begin,
        einde=None,
        stakeholders=[stakeholders["Wijkkracht"], stakeholders["Cliëntenraden"], stakeholders["Huisartsen"]],
        wijken=[wijken[1]],
    )
    verslag.tel("participatietrajecten", 2)
    # Four meetings in this quarter ask Wijkkracht, one above the manager's threshold of three.
    for traject, dagen, onderwerp in (
        (sociale_basis, 7, "eerste bewonersavond"),
        (sociale_basis, 35, "tweede bewonersavond"),
        (zorgloket, 21, "klankbordgroep zorgloket"),
        (zorgloket, 49, "terugkoppeling zorgloket"),
    ):
        gevraagd = list(traject.stakeholders.all())
        betrokkenen.bijeenkomst_toevoegen(
            traject=traject,
            door=door,
            datum=kwartaal.begin + timedelta(days=dagen),
            onderwerp=f"{VOORBEELD} {onderwerp}",
            stakeholders=gevraagd,
        )
        verslag.tel("bijeenkomsten")
    if not Overvragingsdrempel.objects.exists():
        betrokkenen.drempel_zetten(max_trajecten=3, max_bijeenkomsten=3, door=door)
        verslag.tel("drempel voor overvraging")
