"""
Importing metingen from a spreadsheet: `metingen_importeren` is file in, result out, called by the import jobs
(monitoring.taken) and by the admin's confirmed import (monitoring.services.importstroom), never by a view itself.

It reads the file once and writes in bulk, keeping history (the rows simple_history's bulk helpers would write,
copied set-based by the database, each tagged with the import as its change reason), all or nothing.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection, models, transaction
from django.utils import timezone

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from kern.notatie import aantal_met
from kern.permissions import toegestaan
from monitoring.constants import MetingStatus
from monitoring.importbestand import OngeldigBestand, geschat_aantal_rijen, lees_rijen
from monitoring.importregels import (
    GEWIJZIGD,
    NIEUW,
    Analyse,
    OngeldigeIndeling,
    Voorstel,
    analyseer,
    zichtbaar,
)
from monitoring.models import Import, Meting
from monitoring.permissions import mag_importeren

BATCH = 2000
BIJGEWERKTE_VELDEN = ["waarde", "decimalen", "bron", "status", "via_import"]


# Told the rows (or metingen) done so far and the total (None when unknown), after each chunk.
Voortgang = Callable[[int, int | None], None]


class ImportGeweigerd(Exception):
    """The import cannot be committed or undone; the message is Dutch and shown to the user."""


@dataclass
class Importresultaat:
    bestandsnaam: str
    sha256: str
    analyse: Analyse | None = None
    bestandsfout: str = ""
    doorgevoerd: bool = False
    import_record: Import | None = None
    meldingen: list[str] = field(default_factory=list)

    @property
    def geldig(self) -> bool:
        return not self.bestandsfout and self.analyse is not None and not self.analyse.aantal_fouten

    @property
    def niets_gewijzigd(self) -> bool:
        return (
            self.analyse is not None and not self.analyse.aantal_nieuw and not self.analyse.aantal_gewijzigd
        )


def bestand_sha256(bestand) -> str:
    digest = hashlib.sha256()
    for blok in iter(lambda: bestand.read(1024 * 1024), b""):
        digest.update(blok)
    bestand.seek(0)
    return digest.hexdigest()


def metingen_importeren(
    *,
    bestand,
    bestandsnaam: str,
    gebruiker: AbstractBaseUser,
    doorvoeren: bool = False,
    alleen_geldige: bool = False,
    voortgang: Voortgang | None = None,
    bewaard_als: str = "",
) -> Importresultaat:
    """Analyse a spreadsheet (dry run) or commit it, streamed in chunks: memory stays bounded whatever the size.

    Committing is atomic and reads the file once: each chunk is analysed and written before the next is read. A
    file with invalid cells commits nothing unless `alleen_geldige` is given: at the first chunk with an error the
    transaction is rolled back and the file is analysed again (no writes) for the refusal's preview. With
    `alleen_geldige` only the valid values are written (in the wide layout the other years of a row with one bad
    cell too) and the rows with an error are counted on the Import record. `voortgang(gedaan, totaal)` is told the
    rows read so far after each chunk, always increasing (`totaal` None when the file does not say); it must not
    write to the database. `bewaard_als` is where the uploaded file is kept (relative to MEDIA_ROOT), recorded on
    the Import as the evidence behind it.
    """
    # The job runs for whoever started it: a role taken away in between stops the write (importstroom checked the
    # start). The analysis writes nothing and is what the import page shows before anyone commits.
    if doorvoeren:
        toegestaan(mag_importeren(gebruiker))
    # The name is stored (Import, and as the bron of new metingen): no control character may reach the database.
    bestandsnaam = zichtbaar(bestandsnaam)
    resultaat = Importresultaat(bestandsnaam=bestandsnaam, sha256=bestand_sha256(bestand))
    totaal = geschat_aantal_rijen(bestand, bestandsnaam)
    melden = _meldt(voortgang, totaal)
    if not doorvoeren:
        return _analyseer(resultaat, bestand, na_blok=melden)
    try:
        with transaction.atomic():
            # Inside the transaction: what is compared is what is written.
            record = Import.objects.create(
                gebruiker=gebruiker,
                bestandsnaam=bestandsnaam[:255],
                sha256=resultaat.sha256,
                bestand=bewaard_als,
                alleen_geldige=alleen_geldige,
            )
            schrijver = _Schrijver(record, gebruiker)

            def schrijf_blok(voorstellen: list[Voorstel], fouten, rijen: int) -> None:
                if fouten and not alleen_geldige:
                    raise _Afgebroken  # rolls back what earlier chunks wrote
                schrijver.schrijf(voorstellen)
                melden(voorstellen, fouten, rijen)

            _analyseer(resultaat, bestand, na_blok=schrijf_blok)
            analyse = resultaat.analyse
            if resultaat.bestandsfout:
                transaction.set_rollback(True)
                return resultaat
            record.indeling = analyse.indeling
            record.aantal_rijen = analyse.aantal_rijen
            record.aantal_nieuw = analyse.aantal_nieuw
            record.aantal_gewijzigd = analyse.aantal_gewijzigd
            record.aantal_ongewijzigd = analyse.aantal_ongewijzigd
            record.aantal_ongeldig = analyse.aantal_ongeldige_rijen
            record.save()
    except _Afgebroken:
        # Nothing was written; the page shows the whole file's preview with the refusal (progress goes on rising).
        return _geweigerd(resultaat, bestand, na_blok=melden)
    resultaat.doorgevoerd = True
    resultaat.import_record = record
    if resultaat.niets_gewijzigd:
        resultaat.meldingen.append(
            "Niets gewijzigd: de meting in dit bestand staat er al zo in."
            if analyse.aantal_ongewijzigd == 1
            else f"Niets gewijzigd: alle {analyse.aantal_ongewijzigd} metingen in dit bestand staan er al zo in."
        )
    else:
        resultaat.meldingen.append(
            f"Ingelezen: {record.aantal_nieuw} nieuwe en {record.aantal_gewijzigd} gewijzigde metingen; "
            f"{record.aantal_ongewijzigd} ongewijzigd"
            + (
                f", {aantal_met(analyse.aantal_fouten, 'ongeldige waarde', 'ongeldige waarden')} in "
                f"{aantal_met(record.aantal_ongeldig, 'rij', 'rijen')} overgeslagen."
                if record.aantal_ongeldig
                else "."
            )
        )
    return resultaat


class _Afgebroken(Exception):
    """A chunk of a committing import holds an error: leave the transaction, rolling it back."""


def _meldt(voortgang: Voortgang | None, totaal: int | None):
    """A chunk callback that reports the rows read so far, never less than it reported before.

    A refused commit reads the file a second time for its preview: that pass counts again from zero, so the bar
    holds where the first pass stopped until the second passes it, and ends at the total.
    """
    hoogste = [0]

    def melden(_voorstellen, _fouten, rijen: int) -> None:
        hoogste[0] = max(hoogste[0], rijen)
        if voortgang is not None:
            voortgang(hoogste[0], totaal)

    return melden


def _weigering(resultaat: Importresultaat) -> None:
    analyse = resultaat.analyse
    resultaat.meldingen.append(
        f"Het bestand bevat {aantal_met(analyse.aantal_fouten, 'fout', 'fouten')} in "
        f"{aantal_met(analyse.aantal_ongeldige_rijen, 'rij', 'rijen')}; "
        "er is niets ingelezen. Verbeter het bestand, of kies uitdrukkelijk voor alleen de geldige "
        "waarden."
    )


def _geweigerd(resultaat: Importresultaat, bestand, *, na_blok=None) -> Importresultaat:
    """Refuse a file with errors; the page shows its preview again, so it is analysed in full (no writes)."""
    _analyseer(resultaat, bestand, na_blok=na_blok)
    if not resultaat.bestandsfout:
        _weigering(resultaat)
    return resultaat


def _analyseer(
    resultaat: Importresultaat, bestand, *, vergelijken: bool = True, na_blok=None
) -> Importresultaat:
    resultaat.analyse = None
    try:
        resultaat.analyse = analyseer(
            lees_rijen(bestand, resultaat.bestandsnaam), vergelijken=vergelijken, na_blok=na_blok
        )
    except (OngeldigBestand, OngeldigeIndeling) as exc:
        resultaat.bestandsfout = str(exc)
    return resultaat


def _nieuwe_waarden(voorstel: Voorstel, record: Import) -> dict:
    """A new meting's column values (by attname) for one proposal."""
    return {
        "indicator_id": voorstel.indicator.pk,
        "periode": voorstel.periode.tekst,
        "periode_begin": voorstel.periode.begin,  # a bulk insert skips save(), which sets it otherwise
        "wijk_id": voorstel.wijk.pk if voorstel.wijk else None,
        "gebied_id": voorstel.gebied.pk if voorstel.gebied else None,
        "soort": voorstel.soort,
        "waarde": voorstel.waarde,
        "decimalen": voorstel.decimalen,
        "bron": voorstel.bron if voorstel.bron is not None else record.bestandsnaam[:200],
        "status": voorstel.status or MetingStatus.DEFINITIEF,
        "via_import_id": record.pk,
    }


def _nieuwe_meting(voorstel: Voorstel, record: Import) -> Meting:
    return Meting(**_nieuwe_waarden(voorstel, record))


def _bijgewerkte_meting(voorstel: Voorstel, record: Import) -> Meting:
    oud = voorstel.bestaand
    return Meting(
        id=oud["id"],
        indicator_id=oud["indicator_id"],
        periode=oud["periode"],
        periode_begin=oud["periode_begin"],
        wijk_id=oud["wijk_id"],
        gebied_id=oud["gebied_id"],
        soort=oud["soort"],
        waarde=voorstel.waarde,
        # The precision the file shows; a cell that shows none (a text cell '46') keeps what was there.
        decimalen=voorstel.decimalen if voorstel.decimalen is not None else oud["decimalen"],
        bron=voorstel.bron if voorstel.bron is not None else oud["bron"],
        status=voorstel.status or oud["status"],
        via_import=record,
    )


class _Schrijver:
    """Writes a committing import's chunks: metingen in bulk, their history rows set-based.

    The history rows hold what simple_history's bulk helpers would write (every tracked column, the import's
    change reason, the user, '+' or '~'), but are copied by the database (INSERT ... SELECT from the rows just
    written) instead of being built and compiled as model instances in Python: that was half the import's time.
    """

    def __init__(self, record: Import, gebruiker: AbstractBaseUser | None):
        historie = Meting.history.model
        q = connection.ops.quote_name
        self.record = record
        self.gebruiker = gebruiker
        self.reden = record.wijzigingsreden
        self.meting = q(Meting._meta.db_table)
        self.historie = q(historie._meta.db_table)
        self.kolommen = ", ".join(q(f.column) for f in historie.tracked_fields)
        self.stempel = ", ".join(
            q(k) for k in ("history_date", "history_change_reason", "history_user_id", "history_type")
        )
        self.bijgewerkt = [Meting._meta.get_field(naam) for naam in BIJGEWERKTE_VELDEN]
        self.met_historie = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
        self.invoegvelden = [veld for veld in Meting._meta.concrete_fields if not veld.primary_key]
        # Per column: how to turn a Python value into what the backend stores, and the default of a column no
        # proposal sets. Text, integers and foreign keys pass as they are (their preparation is str()/int()).
        self.omzetters = [
            (
                veld,
                (lambda w: w)
                if isinstance(veld, (models.CharField, models.IntegerField, models.ForeignKey))
                else (lambda w, veld=veld: veld.get_db_prep_save(w, connection)),
                veld.get_db_prep_save(veld.get_default(), connection),
            )
            for veld in self.invoegvelden
        ]

    def schrijf(self, voorstellen: list[Voorstel]) -> None:
        """Write one chunk's new and changed metingen, each with its history row."""
        gewijzigd = [_bijgewerkte_meting(v, self.record) for v in voorstellen if v.uitkomst == GEWIJZIGD]
        if not connection.features.can_return_rows_from_bulk_insert:  # no ids back: the library's way
            nieuw = [_nieuwe_meting(v, self.record) for v in voorstellen if v.uitkomst == NIEUW]
            _schrijf_met_bibliotheek(nieuw, gewijzigd, self.record, self.gebruiker)
            return
        self._voeg_toe([v for v in voorstellen if v.uitkomst == NIEUW])
        for deel in _in_delen(gewijzigd, BATCH):
            self._werk_bij(deel)
            self._historie([m.pk for m in deel], "~")

    def _voeg_toe(self, voorstellen: list[Voorstel]) -> None:
        """INSERT ... VALUES ... RETURNING id per slice, then the slice's history: no model instances at all.

        Django's bulk_create spent most of its time building instances and compiling each value; the columns
        here are typed once (only dates and decimals need the backend's conversion, as Django would do it).
        """
        if not voorstellen:
            return
        velden = self.invoegvelden
        per_keer = min(BATCH, (connection.features.max_query_params or 65535) // len(velden))
        kolommen = ", ".join(connection.ops.quote_name(veld.column) for veld in velden)
        rij = "(" + ", ".join(["%s"] * len(velden)) + ")"
        for deel in _in_delen(voorstellen, per_keer):
            waarden = []
            for voorstel in deel:
                nieuw = _nieuwe_waarden(voorstel, self.record)
                waarden += [
                    omzetten(nieuw[veld.attname]) if veld.attname in nieuw else standaard
                    for veld, omzetten, standaard in self.omzetters
                ]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {self.meting} ({kolommen}) VALUES {', '.join([rij] * len(deel))} RETURNING id",
                    waarden,
                )
                ids = [i for (i,) in cursor.fetchall()]
            self._historie(ids, "+")

    def _werk_bij(self, metingen: list[Meting]) -> None:
        """One UPDATE ... FROM (VALUES ...) for a slice of changed metingen (SQLite ≥ 3.33 and PostgreSQL)."""
        q = connection.ops.quote_name
        # VALUES columns are named column1, column2, … on both databases; the casts type a column of NULLs.
        zet = ", ".join(
            f"{q(veld.column)} = CAST(nieuw.column{i} AS {veld.db_type(connection)})"
            for i, veld in enumerate(self.bijgewerkt, start=2)
        )
        rij = "(" + ", ".join(["%s"] * (len(self.bijgewerkt) + 1)) + ")"
        waarden = []
        for meting in metingen:
            waarden.append(meting.pk)
            waarden += [
                veld.get_db_prep_save(getattr(meting, veld.attname), connection) for veld in self.bijgewerkt
            ]
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {self.meting} SET {zet} FROM (VALUES {', '.join([rij] * len(metingen))}) AS nieuw "
                f"WHERE {self.meting}.id = nieuw.column1",
                waarden,
            )

    def _historie(self, ids: list[int], soort: str) -> None:
        """The history rows of metingen just written, copied from the table in one statement per slice."""
        if not self.met_historie:
            return
        stempel = [
            connection.ops.adapt_datetimefield_value(timezone.now()),
            self.reden,
            self.gebruiker.pk if self.gebruiker is not None else None,
            soort,
        ]
        with connection.cursor() as cursor:
            for deel in _in_delen(ids, BATCH):
                # Literal ids (integers from the database): no bound-parameter limit, an index lookup each.
                cursor.execute(
                    f"INSERT INTO {self.historie} ({self.kolommen}, {self.stempel}) "
                    f"SELECT {self.kolommen}, %s, %s, %s, %s FROM {self.meting} "
                    f"WHERE id IN ({', '.join(str(int(i)) for i in deel)}) ORDER BY id",
                    stempel,
                )


def _in_delen(items: list, grootte: int):
    for start in range(0, len(items), grootte):
        yield items[start : start + grootte]


def _schrijf_met_bibliotheek(nieuw: list[Meting], gewijzigd: list[Meting], record: Import, gebruiker) -> None:
    """Write metingen with simple_history's bulk helpers (a database that returns no ids from a bulk insert)."""
    reden = record.wijzigingsreden
    if nieuw:
        bulk_create_with_history(
            nieuw, Meting, batch_size=BATCH, default_user=gebruiker, default_change_reason=reden
        )
    if gewijzigd:
        bulk_update_with_history(
            gewijzigd,
            Meting,
            BIJGEWERKTE_VELDEN,
            batch_size=BATCH,
            default_user=gebruiker,
            default_change_reason=reden,
        )
