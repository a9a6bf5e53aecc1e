"""A published edition for the browser tests: the demo manager makes it, the demo college sets and publishes it."""

from datetime import date

from accounts.models import User
from rapportage import services


def gepubliceerde_editie():
    """'Jaarstukken 2023' (peildatum 31 december 2023), published with its PDF and XLSX."""
    manager, college = User.objects.get(username="manager"), User.objects.get(username="college")
    rapportage = services.rapportage_aanmaken(
        door=manager,
        pc_moment="jaarstukken",
        jaar=2023,
        titel="Jaarstukken 2023",
        peildatum=date(2023, 12, 31),
        zaaknummer="3612345",
        toelichtingen={"financien": "De besparingen lopen achter op Jeugd."},
    )
    services.vaststellen(rapportage=rapportage, door=college)
    return services.publiceren(rapportage=rapportage, door=college)
