"""
Loads participatie's part of the programme from `fixtures/programma/`: zakelijk partnerschap (inkoop.yaml: phases,
steps, key elements, contract dates) and the reference data of participatie and communicatie (participatie.yaml).

Called by `rapportage.programma_laden.laad_programma`. Idempotent (bronnen/laden.py): a second run changes nothing
and writes no history. These files carry no data-quality notes.
"""

from bronnen.laden import Verslag, lees_fixture, upsert
from participatie.models import (
    Communicatielijn,
    Contractdatum,
    Inkoopfase,
    Inkoopstap,
    Kernelement,
    Participatiestap,
)


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
