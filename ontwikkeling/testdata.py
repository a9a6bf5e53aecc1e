"""
Generated test data in the "ten years" shape of issue 14, for benchmarks and scale tests (`genereer_testdata`).

At schaal N = 1: 100 indicators × 120 months × 4 soorten × 25 places (Hengelo, its wijken and the
vergelijkingsgebieden, topped up with generated wijken) = 1.200.000 metingen, 26.000 progress updates on the
programme's activities and 500 users. Smaller or larger N scales the indicators (and below N = 0,1 the months), the
updates and the users; `Omvang.voor(N)` is the formula and the tests check the counts against it.

Everything generated is named so it never mixes with the real programme: indicators `TD-001`…, wijken
`TD-wijk 01`…, users `testgebruiker-001`…; progress updates are the ones those users wrote. The random values come
from generators seeded per indicator, so the same N gives the same rows (`controlegetal` proves it).

Metingen go in with PostgreSQL's COPY (bulk_create on other databases); like any bulk load they have no history
rows: they stand for data that was there before the monitor kept history. Lives in monitoring because it creates
this app's objects and, from the floors below, users and progress updates.
"""

import datetime
import hashlib
import io
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import connection, transaction

from accounts.constants import Rol
from accounts.models import User
from actielijnen.constants import ActiviteitStatus, Fase, RagStatus
from actielijnen.models import Activiteit, Voortgangsrapportage
from monitoring.constants import Eenheid, IndicatorSoort, MetingSoort, MetingStatus, Richting
from monitoring.models import Doel, Indicator, Meting, Vergelijkingsgebied, Wijk

INDICATOR_PREFIX = "TD-"
WIJK_PREFIX = "TD-wijk "
GEBRUIKER_PREFIX = "testgebruiker-"
BRON = "gegenereerde testdata"
PLAATSEN = 25
EERSTE_JAAR = 2016
ZAAD = 14  # the issue number: any fixed seed will do
SOORTEN = [MetingSoort.PEILWAARDE, MetingSoort.STREEFWAARDE, MetingSoort.REALISATIE, MetingSoort.PROGNOSE]
EENHEDEN = [Eenheid.PERCENTAGE, Eenheid.AANTAL, Eenheid.BEDRAG, Eenheid.RAPPORTCIJFER]
COPY_BLOK = 100_000  # rows per COPY statement: bounded memory for the text buffer


class AlTestdata(Exception):
    """Generated data is already there and the caller did not ask to replace it."""


@dataclass(frozen=True)
class Omvang:
    """How much `genereer` creates at a given schaal."""

    indicatoren: int
    maanden: int
    plaatsen: int
    updates: int
    gebruikers: int

    @classmethod
    def voor(cls, schaal: float) -> "Omvang":
        """The formula: N = 1 is the issue's ten-year shape; rows scale linearly, at least one of each."""
        if schaal <= 0:
            raise ValueError("De schaal moet groter dan 0 zijn.")
        indicatoren = max(1, round(100 * schaal))
        # Below N = 0,1 the months shrink too, so a tiny N stays tiny (12 months × 1 indicator at N = 0,001).
        maanden = min(120, max(1, round(12_000 * schaal / indicatoren)))
        return cls(
            indicatoren=indicatoren,
            maanden=maanden,
            plaatsen=PLAATSEN,
            updates=max(1, round(26_000 * schaal)),
            gebruikers=max(1, round(500 * schaal)),
        )

    @property
    def metingen(self) -> int:
        return self.indicatoren * self.maanden * len(SOORTEN) * self.plaatsen


@dataclass
class Verslag:
    """What was created and how fast (rows per second per kind)."""

    omvang: Omvang
    verwijderd: dict[str, int] = field(default_factory=dict)
    aantallen: dict[str, int] = field(default_factory=dict)
    seconden: dict[str, float] = field(default_factory=dict)

    def rijen_per_seconde(self, soort: str) -> float:
        return self.aantallen[soort] / max(self.seconden[soort], 1e-9)


def heeft_testdata() -> bool:
    return (
        Indicator.objects.filter(code__startswith=INDICATOR_PREFIX).exists()
        or User.objects.filter(username__startswith=GEBRUIKER_PREFIX).exists()
    )


def verwijder_testdata() -> dict[str, int]:
    """Remove everything `genereer` made (raw deletes: no signals or history rows for rows that had none)."""
    indicatoren = Indicator.objects.filter(code__startswith=INDICATOR_PREFIX)
    gebruikers = User.objects.filter(username__startswith=GEBRUIKER_PREFIX)
    verwijderd = {}
    with transaction.atomic():
        metingen = Meting.objects.filter(indicator__in=indicatoren)
        verwijderd["metingen"] = metingen._raw_delete(metingen.db)
        Meting.history.filter(indicator_id__in=indicatoren.values("pk"))._raw_delete(metingen.db)
        updates = Voortgangsrapportage.objects.filter(auteur__in=gebruikers)
        verwijderd["updates"] = updates._raw_delete(updates.db)
        for through in (Indicator.niveaus.through, Indicator.activiteiten.through):
            through.objects.filter(indicator__in=indicatoren).delete()
        verwijderd["indicatoren"] = indicatoren._raw_delete(indicatoren.db)
        # Raw as well: the collector would visit every model that points at a user, including other helpers' new ones.
        for through in (User.groups.through, User.user_permissions.through):
            through.objects.filter(user__in=gebruikers)._raw_delete(through.objects.db)
        verwijderd["gebruikers"] = gebruikers._raw_delete(gebruikers.db)
        verwijderd["wijken"] = Wijk.objects.filter(naam__startswith=WIJK_PREFIX)._raw_delete(Wijk.objects.db)
    return verwijderd


def genereer(
    schaal: float, *, opnieuw: bool = False, melding: Callable[[str], None] | None = None
) -> Verslag:
    """Create the test data for `schaal` in one transaction; refuses (AlTestdata) if it exists unless `opnieuw`."""
    omvang = Omvang.voor(schaal)
    if not Doel.objects.exists() or not Activiteit.objects.exists():
        raise ValueError("Het programma ontbreekt: draai eerst `manage.py load_programma`.")
    verslag = Verslag(omvang)
    melding = melding or (lambda tekst: None)
    with transaction.atomic():
        if heeft_testdata():
            if not opnieuw:
                raise AlTestdata("Er staat al gegenereerde testdata; gebruik --opnieuw om die te vervangen.")
            verslag.verwijderd = verwijder_testdata()
            melding(f"Eerdere testdata verwijderd: {verslag.verwijderd}")
        with _stopwatch(verslag, "gebruikers"):
            gebruikers = _gebruikers(omvang.gebruikers)
        with _stopwatch(verslag, "indicatoren"):
            indicatoren = _indicatoren(omvang.indicatoren)
        plaatsen = _plaatsen(omvang.plaatsen)
        with _stopwatch(verslag, "metingen"):
            _metingen_schrijven(indicatoren, plaatsen, omvang.maanden, melding)
        with _stopwatch(verslag, "updates"):
            _updates(omvang.updates, gebruikers)
    verslag.aantallen = {
        "gebruikers": len(gebruikers),
        "indicatoren": len(indicatoren),
        "metingen": omvang.metingen,
        "updates": omvang.updates,
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh statistics, or the planner guesses on an empty table
            cursor.execute("ANALYZE monitoring_meting; ANALYZE actielijnen_voortgangsrapportage")
    return verslag


class _stopwatch:
    def __init__(self, verslag: Verslag, soort: str):
        self.verslag, self.soort = verslag, soort

    def __enter__(self):
        self.begin = time.perf_counter()

    def __exit__(self, *exc):
        self.verslag.seconden[self.soort] = time.perf_counter() - self.begin


def _gebruikers(aantal: int) -> list[User]:
    # One unusable password for all: they only author updates; nobody logs in as them.
    gebruikers = User.objects.bulk_create(
        [
            User(
                username=f"{GEBRUIKER_PREFIX}{i:03d}",
                first_name="Test",
                last_name=f"Gebruiker {i:03d}",
                email=f"{GEBRUIKER_PREFIX}{i:03d}@example.org",
                functie="Gegenereerde testgebruiker",
                password="!testdata",
            )
            for i in range(1, aantal + 1)
        ],
        batch_size=1000,
    )
    gebruikers = list(User.objects.filter(username__startswith=GEBRUIKER_PREFIX).order_by("username"))
    trekker, _ = Group.objects.get_or_create(name=Rol.TREKKER)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=g.pk, group_id=trekker.pk) for g in gebruikers], batch_size=1000
    )
    return gebruikers


def _indicatoren(aantal: int) -> list[Indicator]:
    doelen = list(Doel.objects.order_by("code"))
    soorten = list(IndicatorSoort.values)
    Indicator.objects.bulk_create(
        [
            Indicator(
                code=f"{INDICATOR_PREFIX}{i:03d}",
                naam=f"Testindicator {i:03d} (gegenereerd)",
                doel=doelen[i % len(doelen)],
                volgorde=900 + i,
                eenheid=EENHEDEN[i % len(EENHEDEN)],
                richting=Richting.HOGER_IS_BETER if i % 2 else Richting.LAGER_IS_BETER,
                soort=soorten[i % len(soorten)],
                bron=BRON,
            )
            for i in range(1, aantal + 1)
        ],
        batch_size=1000,
    )
    return list(Indicator.objects.filter(code__startswith=INDICATOR_PREFIX).order_by("code"))


def _plaatsen(aantal: int) -> list[tuple[int | None, int | None]]:
    """(wijk_id, gebied_id) pairs: Hengelo itself, the real wijken and gebieden, then generated wijken."""
    plaatsen: list[tuple[int | None, int | None]] = [(None, None)]
    plaatsen += [
        (pk, None)
        for pk in Wijk.objects.exclude(naam__startswith=WIJK_PREFIX)
        .order_by("naam")
        .values_list("pk", flat=True)
    ]
    plaatsen += [
        (None, pk) for pk in Vergelijkingsgebied.objects.order_by("naam").values_list("pk", flat=True)
    ]
    plaatsen = plaatsen[:aantal]
    ontbrekend = aantal - len(plaatsen)
    if ontbrekend > 0:
        Wijk.objects.bulk_create([Wijk(naam=f"{WIJK_PREFIX}{i:02d}") for i in range(1, ontbrekend + 1)])
        plaatsen += [
            (pk, None)
            for pk in Wijk.objects.filter(naam__startswith=WIJK_PREFIX)
            .order_by("naam")
            .values_list("pk", flat=True)
        ]
    return plaatsen


def _maanden(aantal: int) -> list[tuple[str, datetime.date]]:
    return [
        (f"{EERSTE_JAAR + m // 12}-{m % 12 + 1:02d}", datetime.date(EERSTE_JAAR + m // 12, m % 12 + 1, 1))
        for m in range(aantal)
    ]


def _waarde(rng: random.Random, eenheid: str) -> Decimal:
    if eenheid == Eenheid.PERCENTAGE:
        return Decimal(rng.randint(0, 1000)) / 10
    if eenheid == Eenheid.RAPPORTCIJFER:
        return Decimal(rng.randint(40, 95)) / 10
    if eenheid == Eenheid.BEDRAG:
        return Decimal(rng.randint(1_000, 5_000_000))
    return Decimal(rng.randint(0, 20_000))


def meting_rijen(indicatoren, plaatsen, maanden: int) -> Iterator[dict]:
    """Every generated meting as a dict of column values; seeded per indicator, so the order of work is free."""
    perioden = _maanden(maanden)
    for indicator in indicatoren:
        rng = random.Random(f"{ZAAD}-{indicator.code}")
        decimalen = 1 if indicator.eenheid in (Eenheid.PERCENTAGE, Eenheid.RAPPORTCIJFER) else 0
        for periode, begin in perioden:
            for wijk_id, gebied_id in plaatsen:
                for soort in SOORTEN:
                    yield {
                        "indicator_id": indicator.pk,
                        "periode": periode,
                        "periode_begin": begin,
                        "wijk_id": wijk_id,
                        "gebied_id": gebied_id,
                        "soort": soort,
                        "waarde": _waarde(rng, indicator.eenheid),
                        "decimalen": decimalen,
                        "bron": BRON,
                        "status": MetingStatus.DEFINITIEF,
                        "via_import_id": None,
                    }


def _metingen_schrijven(indicatoren, plaatsen, maanden: int, melding) -> None:
    rijen = meting_rijen(indicatoren, plaatsen, maanden)
    cursor = connection.cursor()
    ruwe = getattr(cursor, "cursor", None)
    if connection.vendor == "postgresql" and hasattr(ruwe, "copy_expert"):
        _copy(ruwe, rijen, melding)
    else:
        blok = []
        for rij in rijen:
            blok.append(Meting(**rij))
            if len(blok) == 5000:
                Meting.objects.bulk_create(blok)
                blok = []
        Meting.objects.bulk_create(blok)


def _copy(ruwe_cursor, rijen: Iterator[dict], melding) -> None:
    """COPY in blocks; columns other helpers may add to Meting get their model default."""
    velden = [f for f in Meting._meta.concrete_fields if not f.primary_key]
    kolommen = [f.column for f in velden]
    extra = {
        f.column: f.get_db_prep_save(f.get_default(), connection)
        for f in velden
        if f.column not in ("indicator_id", "periode", "periode_begin", "wijk_id", "gebied_id", "soort")
        and f.column not in ("waarde", "decimalen", "bron", "status", "via_import_id")
    }
    sql = f"COPY {Meting._meta.db_table} ({', '.join(kolommen)}) FROM STDIN"
    geschreven = 0
    buffer = io.StringIO()
    for rij in rijen:
        rij.update(extra)
        buffer.write("\t".join(_copy_tekst(rij[k]) for k in kolommen))
        buffer.write("\n")
        geschreven += 1
        if geschreven % COPY_BLOK == 0:
            buffer.seek(0)
            ruwe_cursor.copy_expert(sql, buffer)
            buffer = io.StringIO()
            melding(f"  {geschreven:,} metingen".replace(",", "."))
    buffer.seek(0)
    ruwe_cursor.copy_expert(sql, buffer)


def _copy_tekst(waarde) -> str:
    if waarde is None:
        return r"\N"
    if isinstance(waarde, bool):
        return "t" if waarde else "f"
    return str(waarde)  # no generated text holds a tab, newline or backslash


def _updates(aantal: int, gebruikers: list[User]) -> None:
    activiteiten = list(Activiteit.objects.order_by("sleutel").values_list("pk", flat=True))
    rng = random.Random(f"{ZAAD}-updates")
    rags, fasen, statussen = list(RagStatus.values), list(Fase.values), list(ActiviteitStatus.values)
    dagen = 10 * 365
    blok = []
    for i in range(aantal):
        datum = datetime.date(EERSTE_JAAR, 1, 1) + datetime.timedelta(days=i * dagen // max(aantal, 1))
        blok.append(
            Voortgangsrapportage(
                activiteit_id=activiteiten[i % len(activiteiten)],
                datum=datum,
                auteur_id=gebruikers[i % len(gebruikers)].pk,
                periode=f"{datum.year}-{datum.month:02d}",
                rag=rng.choice(rags),
                percentage_gereed=rng.randint(0, 100),
                fase=rng.choice(fasen),
                status=rng.choice(statussen),
                toelichting=f"Gegenereerde voortgang {i + 1}: het werk loopt volgens plan.",
            )
        )
        if len(blok) == 5000:
            Voortgangsrapportage.objects.bulk_create(blok)
            blok = []
    Voortgangsrapportage.objects.bulk_create(blok)


def controlegetal() -> str:
    """SHA-256 over every generated row in a fixed order, without database ids or timestamps."""
    h = hashlib.sha256()
    for rij in (
        Meting.objects.filter(indicator__code__startswith=INDICATOR_PREFIX)
        .order_by("indicator__code", "periode_begin", "wijk__naam", "gebied__naam", "soort")
        .values_list(
            "indicator__code", "periode", "wijk__naam", "gebied__naam", "soort", "waarde", "decimalen"
        )
        .iterator(chunk_size=10_000)
    ):
        h.update(repr(rij).encode())
    for rij in (
        Voortgangsrapportage.objects.filter(auteur__username__startswith=GEBRUIKER_PREFIX)
        .order_by("datum", "activiteit__sleutel", "toelichting")
        .values_list(
            "activiteit__sleutel", "datum", "auteur__username", "rag", "percentage_gereed", "toelichting"
        )
        .iterator(chunk_size=10_000)
    ):
        h.update(repr(rij).encode())
    h.update(
        repr(
            list(
                User.objects.filter(username__startswith=GEBRUIKER_PREFIX)
                .order_by("username")
                .values_list("username", flat=True)
            )
        ).encode()
    )
    h.update(
        repr(
            list(
                Indicator.objects.filter(code__startswith=INDICATOR_PREFIX)
                .order_by("code")
                .values_list("code", "naam", "doel__code", "eenheid")
            )
        ).encode()
    )
    return h.hexdigest()
