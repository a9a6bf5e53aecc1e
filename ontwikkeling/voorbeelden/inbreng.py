"""Example "wat is er met de inbreng gedaan" for the demo: contributions on the demo trajectories, three processed
(overgenomen, deels, niet) and one still open, each with an example person's name that must never show publicly
(not in the raad edition, not on the page for inwoners)."""

from datetime import timedelta

from actielijnen.models import Activiteit
from ontwikkeling.voorbeelden import VOORBEELD
from participatie.models import Participatietraject, Stakeholder, Verwerking
from participatie.services.inbreng import inbreng_toevoegen, inbreng_verwerken

# An invented name: the demo shows it on the internal pages only.
VOORBEELDPERSOON = "Voorbeeldpersoon Annemiek Tuinstra"

# (days ago brought in, stakeholder index, text, verwerking, days ago processed, reactie)
INBRENG = [
    (
        60,
        0,
        "Houd de bijeenkomsten in de wijk zelf, 's avonds, zodat werkende ouders ook kunnen komen.",
        Verwerking.OVERGENOMEN,
        45,
        "De volgende drie bijeenkomsten zijn 's avonds in het wijkcentrum.",
    ),
    (
        50,
        1,
        "Maak één aanmeldformulier voor alle hulp, in plaats van een formulier per regeling.",
        Verwerking.DEELS,
        30,
        "Eén formulier voor Wmo en jeugdhulp komt er in 2025; de regelingen van werk en inkomen volgen later.",
    ),
    (
        40,
        None,
        "Laat de gemeente de kosten van het vervoer naar de dagbesteding volledig betalen.",
        Verwerking.NIET,
        20,
        "Dat past niet in het budget; wel komt er een regeling voor wie het niet kan betalen.",
    ),
    (
        10,
        2,
        "Vraag de huisartsen mee te praten over de toegang tot jeugdhulp.",
        Verwerking.OPEN,
        None,
        "",
    ),
]


def _trajecten() -> list[Participatietraject]:
    """The demo's own trajectories (the betrokkenen part's, or one made here when that part has none yet)."""
    trajecten = list(
        Participatietraject.objects.filter(naam__startswith=VOORBEELD, activiteit__isnull=False)
        .select_related("activiteit")
        .order_by("pk")
    )
    if trajecten:
        return trajecten
    activiteit = (
        Activiteit.objects.op_agenda().exclude(trekker=None).order_by("actielijn__nummer", "volgorde").first()
    )
    traject, _ = Participatietraject.objects.get_or_create(
        naam=f"{VOORBEELD} klankbordgroep toegang",
        defaults={"activiteit": activiteit, "omschrijving": f"{VOORBEELD} een voorbeeldtraject."},
    )
    return [traject]


def laden(gebruikers: dict, vandaag, verslag) -> None:
    """Add the example contributions through the services, as the manager (who writes every trajectory)."""
    door = gebruikers["manager"]
    trajecten = _trajecten()
    stakeholders = list(Stakeholder.objects.filter(actief=True).order_by("naam")[:3])
    for nummer, (dagen, stakeholder, tekst, verwerking, verwerkt, reactie) in enumerate(INBRENG):
        inbreng = inbreng_toevoegen(
            traject=trajecten[nummer % len(trajecten)],
            door=door,
            stakeholder=stakeholders[stakeholder]
            if stakeholder is not None and stakeholder < len(stakeholders)
            else None,
            persoon=VOORBEELDPERSOON,
            datum=vandaag - timedelta(days=dagen),
            inbreng=f"{VOORBEELD} {tekst}",
        )
        verslag.tel("inbreng")
        if verwerking != Verwerking.OPEN:
            inbreng_verwerken(
                inbreng=inbreng,
                door=door,
                verwerking=verwerking,
                reactie=f"{VOORBEELD} {reactie}",
                vandaag=vandaag - timedelta(days=verwerkt),
            )
            verslag.tel("verwerkte inbreng")
