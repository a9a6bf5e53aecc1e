"""
Loads participatie's part of the programme from `fixtures/programma/`: zakelijk partnerschap (inkoop.yaml: phases,
steps, key elements, contract dates) and the reference data of participatie and communicatie (participatie.yaml).

Called by `rapportage.programma_laden.laad_programma`, which then loads the data-quality notes of `DATAKWALITEIT`
with the lookups of `OPZOEKEN`. Idempotent (bronnen/laden.py): a second run changes nothing and writes no history.
"""

from bronnen.laden import Verslag, lees_fixture, upsert
from bronnen.notatie import parse_getal
from participatie.models import (
    Communicatiebudget,
    Communicatielijn,
    Communicatienorm,
    Contractdatum,
    Inkoopfase,
    Inkoopstap,
    Kernelement,
    Participatiestap,
)

# The fixture files whose data-quality notes concern participatie's objects, and how to find those objects.
DATAKWALITEIT = ("programma/inkoop.yaml", "programma/participatie.yaml")
OPZOEKEN = {
    "inkoopfase": lambda nummer: Inkoopfase.objects.get(nummer=nummer),
    "communicatielijn": lambda sleutel: Communicatielijn.objects.get(sleutel=sleutel),
    "communicatiebudget": lambda sleutel: Communicatiebudget.objects.get(sleutel=sleutel),
}


def laad_participatie(verslag: Verslag) -> None:
    """Load inkoop.yaml and participatie.yaml; `verslag` counts what was created or updated."""
    _laad_inkoop(verslag)
    _laad_participatie(verslag)


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
