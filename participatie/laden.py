"""
Loads participatie's part of the programme from `fixtures/programma/`: zakelijk partnerschap (inkoop.yaml: phases,
steps, key elements, contract dates) and the reference data of participatie and communicatie (participatie.yaml).

Called by `rapportage.programma_laden.laad_programma`, which then loads the data-quality notes of `DATAKWALITEIT`
with the lookups of `OPZOEKEN`. Idempotent (bronnen/laden.py): a second run changes nothing and writes no history.
"""

from actielijnen.models import Activiteit
from bronnen.laden import Verslag, lees_fixture, upsert
from kern.notatie import parse_getal
from participatie.models import (
    Communicatiebudget,
    Communicatielijn,
    Communicatienorm,
    Contractdatum,
    Inkoopfase,
    Inkoopstap,
    Inkooptraject,
    Inkooptrajectstap,
    Kernelement,
    Participatiestap,
    Participatietraject,
    Stakeholder,
)

# The fixture files whose data-quality notes concern participatie's objects, and how to find those objects.
DATAKWALITEIT = ("programma/inkoop.yaml", "programma/participatie.yaml")
OPZOEKEN = {
    "inkoopfase": lambda nummer: Inkoopfase.objects.get(nummer=nummer),
    "inkooptraject": lambda sleutel: Inkooptraject.objects.get(sleutel=sleutel),
    "communicatielijn": lambda sleutel: Communicatielijn.objects.get(sleutel=sleutel),
    "communicatiebudget": lambda sleutel: Communicatiebudget.objects.get(sleutel=sleutel),
}


def laad_participatie(verslag: Verslag) -> None:
    """Load inkoop.yaml and participatie.yaml; `verslag` counts what was created or updated."""
    _laad_inkoop(verslag)
    _laad_inkooptrajecten(verslag)
    _laad_participatie(verslag)
    _laad_stakeholders(verslag)


def _laad_inkoop(verslag: Verslag) -> None:
    data = lees_fixture("programma/inkoop.yaml")
    for fase_data in data["fasen"]:
        fase = upsert(
            verslag,
            Inkoopfase,
            {"nummer": fase_data["nummer"]},
            {k: fase_data[k] for k in ("naam", "start_kwartaal", "eind_kwartaal", "beschrijving", "bron")},
        )
        for nummer, naam in enumerate(fase_data.get("stappen", []), start=1):
            upsert(
                verslag,
                Inkoopstap,
                {"fase": fase, "nummer": nummer},
                {"naam": naam, "bron": fase_data["bron"]},
            )
        for volgorde, naam in enumerate(fase_data.get("kernelementen", []), start=1):
            upsert(
                verslag,
                Kernelement,
                {"fase": fase, "volgorde": volgorde},
                {"naam": naam, "bron": fase_data["bron"]},
            )
    for datum in data["contractdata"]:
        upsert(
            verslag,
            Contractdatum,
            {"sleutel": datum["sleutel"]},
            {k: v for k, v in datum.items() if k != "sleutel"},
        )


def _laad_participatie(verslag: Verslag) -> None:
    data = lees_fixture("programma/participatie.yaml")
    for volgorde, stap in enumerate(data["participatiestappen"], start=1):
        upsert(
            verslag,
            Participatiestap,
            {"nummer": stap["nummer"]},
            {
                "volgorde": volgorde,
                "naam": stap["naam"],
                "beschrijving": stap["beschrijving"],
                "bron": stap["bron"],
            },
        )
    for volgorde, lijn in enumerate(data["communicatielijnen"], start=1):
        upsert(
            verslag,
            Communicatielijn,
            {"sleutel": lijn["sleutel"]},
            {"naam": lijn["naam"], "volgorde": volgorde, "bron": lijn["bron"]},
        )
    lijnen = {lijn.sleutel: lijn for lijn in Communicatielijn.objects.all()}
    for budget in data.get("communicatiebudgetten") or []:
        nieuw = not Communicatiebudget.objects.filter(sleutel=budget["sleutel"]).exists()
        object_ = upsert(
            verslag,
            Communicatiebudget,
            {"sleutel": budget["sleutel"]},
            {
                "omschrijving": budget["omschrijving"],
                "bedrag_van": parse_getal(budget["bedrag_van"]).waarde,
                "bedrag_tot": parse_getal(budget["bedrag_tot"]).waarde,
                "citaat": " ".join(budget["citaat"].split()),
                "bron": budget["bron"],
            },
        )
        gewenst = {lijnen[s].pk for s in budget.get("communicatielijnen", [])}
        if set(object_.communicatielijnen.values_list("pk", flat=True)) != gewenst:
            object_.communicatielijnen.set(gewenst)
            if not nieuw:  # a new budget's lines are part of creating it, not an update
                verslag.tel(Communicatiebudget, "bijgewerkt")
    for norm in data.get("communicatienormen") or []:
        upsert(
            verslag,
            Communicatienorm,
            {"sleutel": norm["sleutel"]},
            {
                "middel": norm["middel"],
                "communicatielijn": lijnen[norm["communicatielijn"]]
                if norm.get("communicatielijn")
                else None,
                "minimaal_aantal": norm["minimaal_aantal"],
                "per": norm["per"],
                "citaat": " ".join(norm["citaat"].split()),
                "bron": norm["bron"],
            },
        )


def _laad_stakeholders(verslag: Verslag) -> None:
    """Step III of §4.1: the stakeholders the sources name and the trajectories outside the programme
    (stakeholders.yaml). The quote goes into the description only when a record is created: users own it after."""
    data = lees_fixture("programma/stakeholders.yaml")
    for stakeholder in data["stakeholders"]:
        upsert(
            verslag,
            Stakeholder,
            {"naam": stakeholder["naam"]},
            {"soort": stakeholder["soort"], "bron": stakeholder["bron"]},
            bij_aanmaken={
                "omschrijving": f"In de bron: \u201c{' '.join(stakeholder['citaat'].split())}\u201d"
            },
        )
    for traject in data["trajecten_buiten_programma"]:
        upsert(
            verslag,
            Participatietraject,
            {"naam": traject["naam"], "activiteit": None},
            {},
            bij_aanmaken={
                "omschrijving": f"Traject buiten het programma ({traject['bron']}): "
                f"\u201c{' '.join(traject['citaat'].split())}\u201d"
            },
        )


def _laad_inkooptrajecten(verslag: Verslag) -> None:
    """The procurement tracks per domain (§2.3.1) with the plan's steps and the activities §2.3.1 names.

    The sources own name, order, phase and source; the date, planned dates and linked activities are set when a
    track or step is first created and belong to its users afterwards (the data team moves a date, links another
    activity). Durations and margins are in no source and are never loaded. An activity name that matches no
    activity raises: a silent miss would drop a link.
    """
    data = lees_fixture("programma/inkoop.yaml")
    fasen = {fase.nummer: fase for fase in Inkoopfase.objects.all()}
    alle_activiteiten = list(Activiteit.objects.all())
    for volgorde, traject_data in enumerate(data["inkooptrajecten"], start=1):
        activiteiten = [
            _activiteit_op_naam(naam, alle_activiteiten) for naam in traject_data.get("activiteiten") or []
        ]
        nieuw = not Inkooptraject.objects.filter(sleutel=traject_data["sleutel"]).exists()
        traject = upsert(
            verslag,
            Inkooptraject,
            {"sleutel": traject_data["sleutel"]},
            {"naam": traject_data["naam"], "volgorde": volgorde, "bron": traject_data["bron"]},
            bij_aanmaken={"ingangsdatum": traject_data.get("ingangsdatum")},
        )
        if nieuw and activiteiten:
            traject.activiteiten.set(activiteiten)
        if traject_data.get("stappen") == "volgens_plan":
            for nummer, stap in enumerate(data["stappen_volgens_plan"], start=1):
                _laad_trajectstap(verslag, traject, nummer, stap, fasen[stap["fase"]])


def _laad_trajectstap(verslag: Verslag, traject, volgorde: int, stap: dict, fase) -> None:
    if "inkoopstap" in stap:
        inkoopstap = Inkoopstap.objects.get(fase=fase, nummer=stap["inkoopstap"])
        # The fixture keeps the list's closing full stop of "Inrichting contract en contractmanagement.".
        naam, bron = inkoopstap.naam.rstrip("."), inkoopstap.bron
    else:
        inkoopstap, naam, bron = None, stap["naam"], stap["bron"]
    upsert(
        verslag,
        Inkooptrajectstap,
        {"traject": traject, "volgorde": volgorde},
        {"naam": naam, "fase": fase, "inkoopstap": inkoopstap, "bron": bron},
        bij_aanmaken={"gepland_start": stap.get("gepland_start"), "gepland_einde": stap.get("gepland_einde")},
    )


def _activiteit_op_naam(naam: str, activiteiten: list) -> Activiteit:
    """The activity with this name, or with it among its alternatieve_namen; raises when there is none."""
    gevonden = [a for a in activiteiten if naam == a.naam or naam in a.alternatieve_namen]
    if len(gevonden) != 1:
        raise ValueError(
            f"Inkooptraject: activiteit “{naam}” {'niet gevonden' if not gevonden else 'dubbel'}"
        )
    return gevonden[0]
