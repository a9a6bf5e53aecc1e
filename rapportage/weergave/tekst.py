"""
One value of an edition's snapshot as the reader sees it, in Dutch: a figure, a meting, a date, a year.

The snapshot stores figures as decimal strings ("47.3000") and dates as ISO strings; every page, chart and file
shows them through `cijfer_tekst()`, which is `monitoring.weergave.waarde_tekst` (so counts of people below the
threshold read "< 10" for whoever may not see them), with a non-breaking space after the euro sign. Without a
user (exports, charts) the anonymous reader's rules apply.
"""

from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser

from kern import notatie
from kern.notatie import periode_tekst
from monitoring.weergave import waarde_tekst
from rapportage.constants import MotieStatus

LEEG = "–"
NIET_BEKEND = "niet bekend"
NIET_GETOOND = "niet getoond (kleine aantallen)"
RISICO_NIET_BEOORDEELD = "niet beoordeeld"


def cijfer_tekst(
    waarde, eenheid: str = "", user=None, telt_personen: bool | None = None, decimalen: int | None = None
) -> str:
    """One figure from the snapshot in Dutch notation: 47,3%  1.605  € 1.114.000  6,5; '–' when absent.

    `decimalen`: the precision the source wrote the figure in (a meting's), when the snapshot has it.
    """
    if waarde in (None, ""):
        return LEEG
    extra = {"decimalen": decimalen} if decimalen is not None else {}
    tekst = waarde_tekst(
        Decimal(waarde), eenheid, user or AnonymousUser(), telt_personen=telt_personen, **extra
    )
    return geen_afbreking(tekst)


def bedrag_tekst(waarde, leeg: str = LEEG) -> str:
    """An amount in euro ('€ 1.269.000'); `leeg` when the snapshot has none."""
    return leeg if waarde is None else cijfer_tekst(waarde, "bedrag")


def meting_tekst(meting: dict | None, eenheid: str = "", user=None) -> str:
    """A snapshot meting as '47,3% (2022)'; '–' when absent."""
    if not meting:
        return LEEG
    tekst = cijfer_tekst(meting.get("waarde"), eenheid, user, decimalen=meting.get("decimalen"))
    return f"{tekst} ({periode_tekst(meting.get('periode'))})"


def als_datum(waarde) -> date | None:
    """A date from the snapshot (ISO string) or an edition's field (date or datetime)."""
    if not waarde:
        return None
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    return date.fromisoformat(str(waarde)[:10])


def datum_tekst(waarde) -> str:
    """'1 januari 2025'; '–' when there is no date."""
    datum = als_datum(waarde)
    if datum is None:
        return LEEG
    return notatie.datum_tekst(datum)


def jaartal(jaar) -> str:
    """A year as it is written: 2023, never 2.023."""
    if jaar in (None, ""):
        return ""
    return str(int(jaar))


def jaar_of_structureel(jaar) -> str:
    """A row's year, or 'structureel' for a row without one."""
    return jaartal(jaar) if jaar else "structureel"


def geen_afbreking(tekst) -> str:
    """A printed cell such as '€ 1.506' that never wraps between the euro sign and the figure."""
    return str(tekst or "").replace("€ ", "€\u00a0")


def motiestatus_tekst(status) -> str:
    return MotieStatus(status).label if status in MotieStatus.values else ""


def kans_maal_impact(risico: dict) -> str:
    """'3 × 4 = 12', or 'niet beoordeeld' while kans or impact is unknown."""
    if risico.get("kans") is None or risico.get("impact") is None:
        return RISICO_NIET_BEOORDEELD
    score = risico.get("score")
    if score is None:
        score = risico["kans"] * risico["impact"]
    return f"{risico['kans']} × {risico['impact']} = {score}"
