"""
A chunk of proposals compared with the database: each marked nieuw, gewijzigd or ongewijzigd
(`_vergelijk_met_database`), and a warning where a value is far from the nearest other value of its series
(`Buren`, `_onwaarschijnlijk`). Reads only what the chunk touches.
"""

from bisect import bisect_left, bisect_right
from datetime import timedelta
from decimal import Decimal

from django.db.models import Max, Min, Q

from kern.notatie import format_getal, periode_tekst
from monitoring.constants import Eenheid
from monitoring.importregels.voorstellen import GEWIJZIGD, NIEUW, ONGEWIJZIGD, Voorstel
from monitoring.models import Meting

BESTAAND_VELDEN = (
    "id",
    "indicator_id",
    "periode",
    "wijk_id",
    "gebied_id",
    "soort",
    "waarde",
    "decimalen",
    "bron",
    "status",
)
# A value this many times larger or smaller than the nearest value of its own series is worth a second look.
FACTOR_ONWAARSCHIJNLIJK = Decimal(10)
# The plausibility check reads the touched series this far around the chunk's periods; only a series with no
# value that near asks the database for its nearest value further away.
VENSTER = timedelta(days=400)
# Indicators or series per query: the OR of their conditions stays a modest statement.
PER_QUERY = 200


def _plaats_q(wijk_id, gebied_id) -> Q:
    return (
        Q(wijk_id=wijk_id)
        if wijk_id is not None
        else Q(wijk_id__isnull=True)
        & (Q(gebied_id=gebied_id) if gebied_id is not None else Q(gebied_id__isnull=True))
    )


def _in_delen(items: list, grootte: int = PER_QUERY):
    for start in range(0, len(items), grootte):
        yield items[start : start + grootte]


def _vergelijk_met_database(voorstellen: list[Voorstel]) -> None:
    """Mark each proposal of one chunk nieuw, gewijzigd or ongewijzigd, and warn about implausible values.

    Reads only what the chunk touches: the existing metingen of its (indicator, period, kind) combinations, and
    for the plausibility check its series within VENSTER of the chunk's periods (further only for a series that
    has nothing nearer). Never every meting of the file's indicators.
    """
    if not voorstellen:
        return
    gevraagd: dict[int, tuple[set, set]] = {}  # indicator → (periods, kinds)
    for voorstel in voorstellen:
        perioden, soorten = gevraagd.setdefault(voorstel.indicator.pk, (set(), set()))
        perioden.add(voorstel.periode.tekst)
        soorten.add(voorstel.soort)
    bestaand: dict[tuple, dict] = {}
    for deel in _in_delen(sorted(gevraagd)):
        voorwaarde = Q()
        for indicator_id in deel:
            perioden, soorten = gevraagd[indicator_id]
            voorwaarde |= Q(
                indicator_id=indicator_id, periode__in=sorted(perioden), soort__in=sorted(soorten)
            )
        for rij in (
            Meting.objects.filter(voorwaarde)
            .order_by()
            .values(*BESTAAND_VELDEN, "periode_begin", "via_import_id")
        ):
            sleutel = (rij["indicator_id"], rij["periode"], rij["wijk_id"], rij["gebied_id"], rij["soort"])
            bestaand[sleutel] = rij

    # Each series sorted once for the chunk: a series may hold thousands of values, a chunk thousands of proposals.
    reeksen = {reeks: Buren(waarden) for reeks, waarden in _reeksen(voorstellen).items()}
    for voorstel in voorstellen:
        voorstel.waarschuwing = _onwaarschijnlijk(voorstel, reeksen[voorstel.reeks])
        rij = bestaand.get(voorstel.sleutel)
        if rij is None:
            voorstel.uitkomst = NIEUW
            continue
        voorstel.bestaand = rij
        # A different number of decimals alone (45% → 45,0%) is the same figure: not a change.
        voorstel.uitkomst = GEWIJZIGD if voorstel.wijzigingen else ONGEWIJZIGD


REEKS_VELDEN = ("indicator_id", "wijk_id", "gebied_id", "soort", "periode", "periode_begin", "waarde")


def _reeksen(voorstellen: list[Voorstel]) -> dict[tuple, dict[tuple, tuple]]:
    """The touched series' values near the chunk's periods: series → {key: (period begin, value, period)}.

    Database values first (by period, then kind), then the chunk's own values, the order the nearest value is
    chosen in on a tie. A series with nothing within VENSTER of one of its proposals also gets its nearest
    value before and after the window.
    """
    laagste = min(v.periode.begin for v in voorstellen) - VENSTER
    hoogste = max(v.periode.begin for v in voorstellen) + VENSTER
    geraakt = {v.reeks for v in voorstellen}
    gevonden: list[dict] = []
    for deel in _in_delen(sorted({v.indicator.pk for v in voorstellen})):
        gevonden += [
            rij
            for rij in Meting.objects.filter(indicator_id__in=deel, periode_begin__range=(laagste, hoogste))
            .exclude(waarde=0)
            .order_by()
            .values(*REEKS_VELDEN)
            if (rij["indicator_id"], rij["wijk_id"], rij["gebied_id"]) in geraakt
        ]
    # A series with no value within the window of a proposal: its nearest value may lie outside it.
    momenten: dict[tuple, list] = {}
    for rij in gevonden:
        momenten.setdefault((rij["indicator_id"], rij["wijk_id"], rij["gebied_id"]), []).append(
            rij["periode_begin"]
        )
    eigen: dict[tuple, list[Voorstel]] = {}
    for voorstel in voorstellen:
        eigen.setdefault(voorstel.reeks, []).append(voorstel)
    verder = sorted(
        (reeks for reeks in geraakt if not _heeft_buur(eigen[reeks], momenten.get(reeks, []))),
        key=lambda r: (r[0], r[1] or 0, r[2] or 0),
    )
    gevonden += _buren_buiten_venster(verder, laagste, hoogste)

    reeksen: dict[tuple, dict[tuple, tuple]] = {}
    for rij in sorted(gevonden, key=lambda r: (r["periode_begin"], r["soort"])):
        sleutel = (rij["indicator_id"], rij["periode"], rij["wijk_id"], rij["gebied_id"], rij["soort"])
        reeks = (rij["indicator_id"], rij["wijk_id"], rij["gebied_id"])
        reeksen.setdefault(reeks, {})[sleutel] = (rij["periode_begin"], rij["waarde"], rij["periode"])
    for voorstel in voorstellen:
        # The file's own values count as the series too (a new wijk has nothing in the database yet).
        reeksen.setdefault(voorstel.reeks, {})[("bestand", *voorstel.sleutel)] = (
            voorstel.periode.begin,
            voorstel.waarde,
            voorstel.periode.tekst,
        )
    return reeksen


def _heeft_buur(voorstellen: list[Voorstel], momenten: list) -> bool:
    """Whether every proposal of one series has another non-zero value of it within VENSTER (file or database).

    Cautious: a database value at the proposal's own period may be the meting it replaces, so it is not counted.
    A wrong False only costs the query for values further away, which cannot beat a value within the window.
    """
    data = sorted(momenten)
    bestand = sorted(v.periode.begin for v in voorstellen if v.waarde)
    for voorstel in voorstellen:
        begin = voorstel.periode.begin
        rond = bisect_right(data, begin + VENSTER) - bisect_left(data, begin - VENSTER)
        rond -= bisect_right(data, begin) - bisect_left(data, begin)
        rond += bisect_right(bestand, begin + VENSTER) - bisect_left(bestand, begin - VENSTER)
        rond -= 1 if voorstel.waarde else 0
        if rond <= 0:
            return False
    return True


def _buren_buiten_venster(reeksen: list[tuple], laagste, hoogste) -> list[dict]:
    """Per series, its non-zero values at the latest period before the window and the earliest after it."""
    uit: list[dict] = []
    for deel in _in_delen(reeksen):
        voorwaarde = Q()
        for indicator_id, wijk_id, gebied_id in deel:
            voorwaarde |= Q(indicator_id=indicator_id) & _plaats_q(wijk_id, gebied_id)
        grenzen = (
            Meting.objects.filter(voorwaarde)
            .exclude(waarde=0)
            .exclude(periode_begin__range=(laagste, hoogste))
            .order_by()
            .values("indicator_id", "wijk_id", "gebied_id")
            .annotate(
                voor=Max("periode_begin", filter=Q(periode_begin__lt=laagste)),
                na=Min("periode_begin", filter=Q(periode_begin__gt=hoogste)),
            )
        )
        waar = Q()
        for grens in grenzen:
            momenten = [m for m in (grens["voor"], grens["na"]) if m is not None]
            waar |= Q(indicator_id=grens["indicator_id"], periode_begin__in=momenten) & _plaats_q(
                grens["wijk_id"], grens["gebied_id"]
            )
        if waar:
            uit += list(Meting.objects.filter(waar).exclude(waarde=0).order_by().values(*REEKS_VELDEN))
    return uit


class Buren:
    """One series' non-zero values sorted by period begin, to find a proposal's nearest other value by bisection.

    Built once per series and chunk from `_reeksen`' dict; equal begins keep the dict's order (database values by
    kind, then the file's), the order the brute-force rule `min(…)` settles a tie in.
    """

    def __init__(self, reeks: dict[tuple, tuple]):
        waarden = [
            (begin, volgorde, sleutel, waarde, periode)
            for volgorde, (sleutel, (begin, waarde, periode)) in enumerate(reeks.items())
            if waarde
        ]
        waarden.sort(key=lambda w: (w[0], w[1]))
        self.begins = [w[0] for w in waarden]
        self.waarden = waarden

    def naaste(self, begin, uitgesloten) -> tuple | None:
        """(begin, value, period) of the value nearest to `begin`, earlier first on a tie; not `uitgesloten`."""
        begins, waarden = self.begins, self.waarden
        links = bisect_left(begins, begin)
        rechts = bisect_right(begins, begin)
        for index in range(links, rechts):  # the same begin: distance 0, the first in the series' order
            if waarden[index][2] not in uitgesloten:
                return waarden[index][0], waarden[index][3], waarden[index][4]
        eerder = self._eerste_van_groep(links - 1, -1, uitgesloten)
        later = self._eerste_van_groep(rechts, 1, uitgesloten)
        if eerder is None or later is None:
            return eerder or later
        return eerder if (begin - eerder[0]) <= (later[0] - begin) else later

    def _eerste_van_groep(self, index: int, stap: int, uitgesloten) -> tuple | None:
        """From `index` walking by `stap`: the first (in series order) allowed value of the nearest begin."""
        begins, waarden = self.begins, self.waarden
        while 0 <= index < len(waarden):
            groep = begins[index]
            start = bisect_left(begins, groep)
            eind = bisect_right(begins, groep)
            for positie in range(start, eind):
                if waarden[positie][2] not in uitgesloten:
                    return waarden[positie][0], waarden[positie][3], waarden[positie][4]
            index = start - 1 if stap < 0 else eind
        return None


def _onwaarschijnlijk(voorstel: Voorstel, reeks: dict[tuple, tuple] | Buren) -> str:
    """A Dutch reason when the value is far from the nearest other value of its series; '' when plausible."""
    if not voorstel.waarde:
        return ""
    buren = reeks if isinstance(reeks, Buren) else Buren(reeks)
    eigen = voorstel.sleutel
    # The nearest period, earlier ones first on a tie: "ten times its last value".
    naaste = buren.naaste(voorstel.periode.begin, (eigen, ("bestand", *eigen)))
    if naaste is None:
        return ""
    begin, referentie, periode = naaste
    eenheid = voorstel.indicator.eenheid
    verhouding = abs(voorstel.waarde / referentie)
    if FACTOR_ONWAARSCHIJNLIJK**-1 < verhouding < FACTOR_ONWAARSCHIJNLIJK:
        return ""
    was = format_getal(referentie, eenheid)
    if eenheid == Eenheid.PERCENTAGE and abs(voorstel.waarde) < 1 <= abs(referentie):
        return (
            f"{voorstel.waarde_tekst} ligt ver onder de reeks van deze indicator ({was} in {periode_tekst(periode)}): "
            f"is een fractie ingevuld in plaats van een percentage ({format_getal(voorstel.waarde * 100, eenheid)})?"
        )
    richting = "groot" if verhouding > 1 else "klein"
    keer = format_getal((verhouding if verhouding > 1 else 1 / verhouding).quantize(Decimal(1)))
    return (
        f"{voorstel.waarde_tekst} is ongeveer {keer} keer zo {richting} als de waarde van {periode_tekst(periode)} "
        f"({was}); controleer of dit klopt."
    )
