from dataclasses import dataclass
from datetime import datetime

from django.utils.functional import SimpleLazyObject

from actielijnen.selectors import laatste_update_met_herkomst
from monitoring.selectors import laatste_meting_wijziging
from rapportage.permissions import ziet_actuele_gegevens
from rapportage.selectors import laatste_gepubliceerde


@dataclass(frozen=True)
class Versheid:
    laatste_update: datetime | None
    laatste_import: datetime | None
    voorbeeld: bool = False  # the last update is one the demo invented (kern/herkomst.py)


def actuele_versheid() -> Versheid:
    """The last progress update and the last change to a meting (2 queries)."""
    update, voorbeeld = laatste_update_met_herkomst()
    return Versheid(laatste_update=update, laatste_import=laatste_meting_wijziging(), voorbeeld=voorbeeld)


def versheid(request):
    """How fresh the figures are, for the footer of every page (queried only when shown).

    Who sees live data gets the last update and the last import; raad, griffie and the public get the
    peildatum of the published edition they read, never a live date.
    """
    if ziet_actuele_gegevens(getattr(request, "user", None)):
        return {"versheid": SimpleLazyObject(actuele_versheid), "versheid_editie": None}
    return {"versheid": None, "versheid_editie": SimpleLazyObject(laatste_gepubliceerde)}
