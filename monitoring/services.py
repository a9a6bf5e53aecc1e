"""
Writes that are domain acts in monitoring: importing metingen from a spreadsheet, and undoing an import.

`metingen_importeren` is file in, result out: callable from a request today and from a background job tomorrow
(ROADMAP §3). It writes in bulk and keeps history (simple_history's bulk helpers, each history row tagged with
the import as its change reason), all or nothing.
"""

import hashlib
from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from monitoring.constants import MetingStatus
from monitoring.importbestand import OngeldigBestand, lees_rijen
from monitoring.importregels import Analyse, OngeldigeIndeling, Voorstel, analyseer, zichtbaar
from monitoring.models import Import, Meting

BATCH = 2000
BIJGEWERKTE_VELDEN = ["waarde", "decimalen", "bron", "status", "via_import"]


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
        return not self.bestandsfout and self.analyse is not None and not self.analyse.fouten

    @property
    def niets_gewijzigd(self) -> bool:
        return self.analyse is not None and not self.analyse.nieuw and not self.analyse.gewijzigd


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
) -> Importresultaat:
    """Analyse a spreadsheet (dry run) or commit it.

    Committing is atomic. A file with invalid cells commits nothing unless `alleen_geldige` is given; then only
    the valid values are written (in the wide layout the other years of a row with one bad cell too) and the
    rows with an error are counted on the Import record.
    """
    # The name is stored (Import, and as the bron of new metingen): no control character may reach the database.
    bestandsnaam = zichtbaar(bestandsnaam)
    resultaat = Importresultaat(bestandsnaam=bestandsnaam, sha256=bestand_sha256(bestand))
    if not doorvoeren:
        return _analyseer(resultaat, bestand)
    with transaction.atomic():
        # Analysed inside the transaction: what is compared is what is written.
        _analyseer(resultaat, bestand)
        if resultaat.bestandsfout:
            return resultaat
        analyse = resultaat.analyse
        if analyse.fouten and not alleen_geldige:
            resultaat.meldingen.append(
                f"Het bestand bevat {len(analyse.fouten)} fout(en) in {len(analyse.ongeldige_rijen)} rij(en); "
                "er is niets ingelezen. Verbeter het bestand, of kies uitdrukkelijk voor alleen de geldige "
                "waarden."
            )
            return resultaat
        record = Import.objects.create(
            gebruiker=gebruiker,
            bestandsnaam=bestandsnaam[:255],
            sha256=resultaat.sha256,
            indeling=analyse.indeling,
            alleen_geldige=alleen_geldige,
            aantal_rijen=analyse.aantal_rijen,
            aantal_nieuw=len(analyse.nieuw),
            aantal_gewijzigd=len(analyse.gewijzigd),
            aantal_ongewijzigd=len(analyse.ongewijzigd),
            aantal_ongeldig=len(analyse.ongeldige_rijen),
        )
        _schrijf(analyse, record, gebruiker)
    resultaat.doorgevoerd = True
    resultaat.import_record = record
    if resultaat.niets_gewijzigd:
        resultaat.meldingen.append(
            f"Niets gewijzigd: alle {len(analyse.ongewijzigd)} metingen in dit bestand staan er al zo in."
        )
    else:
        resultaat.meldingen.append(
            f"Ingelezen: {record.aantal_nieuw} nieuwe en {record.aantal_gewijzigd} gewijzigde metingen; "
            f"{record.aantal_ongewijzigd} ongewijzigd"
            + (
                f", {len(analyse.fouten)} ongeldige waarde(n) in {record.aantal_ongeldig} rij(en) overgeslagen."
                if record.aantal_ongeldig
                else "."
            )
        )
    return resultaat


def _analyseer(resultaat: Importresultaat, bestand) -> Importresultaat:
    try:
        resultaat.analyse = analyseer(lees_rijen(bestand, resultaat.bestandsnaam))
    except (OngeldigBestand, OngeldigeIndeling) as exc:
        resultaat.bestandsfout = str(exc)
    return resultaat


def _nieuwe_meting(voorstel: Voorstel, record: Import) -> Meting:
    return Meting(
        indicator=voorstel.indicator,
        periode=voorstel.periode.tekst,
        periode_begin=voorstel.periode.begin,  # bulk_create skips save(), which sets it otherwise
        wijk=voorstel.wijk,
        gebied=voorstel.gebied,
        soort=voorstel.soort,
        waarde=voorstel.waarde,
        decimalen=voorstel.decimalen,
        bron=voorstel.bron if voorstel.bron is not None else record.bestandsnaam[:200],
        status=voorstel.status or MetingStatus.DEFINITIEF,
        via_import=record,
    )


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


def _schrijf(analyse: Analyse, record: Import, gebruiker) -> None:
    reden = record.wijzigingsreden
    bulk_create_with_history(
        [_nieuwe_meting(v, record) for v in analyse.nieuw],
        Meting,
        batch_size=BATCH,
        default_user=gebruiker,
        default_change_reason=reden,
    )
    bulk_update_with_history(
        [_bijgewerkte_meting(v, record) for v in analyse.gewijzigd],
        Meting,
        BIJGEWERKTE_VELDEN,
        batch_size=BATCH,
        default_user=gebruiker,
        default_change_reason=reden,
    )


@transaction.atomic
def import_ongedaan_maken(*, import_record: Import, gebruiker: AbstractBaseUser) -> Import:
    """Undo an import: delete the metingen it created and restore the ones it changed, with history.

    Only the latest import that is still in force can be undone, so no later import's values are lost.
    """
    record = Import.objects.select_for_update().get(pk=import_record.pk)
    if record.ongedaan_op:
        raise ImportGeweigerd("Deze import is al ongedaan gemaakt.")
    if Import.objects.filter(pk__gt=record.pk, ongedaan_op__isnull=True).exists():
        raise ImportGeweigerd("Maak eerst de latere imports ongedaan; alleen de laatste import kan terug.")
    historie = Meting.history.model
    eigen = historie.objects.filter(history_change_reason=record.wijzigingsreden)
    aangemaakt = list(eigen.filter(history_type="+").values_list("id", flat=True))
    vorige = (
        historie.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
        .order_by("-history_id")
        .values("history_id")[:1]
    )
    vorige_ids = [
        v
        for v in eigen.filter(history_type="~")
        .annotate(vorige=Subquery(vorige))
        .values_list("vorige", flat=True)
        if v is not None
    ]
    herstel = []
    for start in range(0, len(vorige_ids), BATCH):
        herstel += [
            h.instance for h in historie.objects.filter(history_id__in=vorige_ids[start : start + BATCH])
        ]
    bulk_update_with_history(
        herstel,
        Meting,
        BIJGEWERKTE_VELDEN,
        batch_size=BATCH,
        default_user=gebruiker,
        default_change_reason=f"ongedaan:{record.pk}",
    )
    for start in range(0, len(aangemaakt), BATCH):
        Meting.objects.filter(id__in=aangemaakt[start : start + BATCH], via_import=record).delete()
    record.ongedaan_op = timezone.now()
    record.ongedaan_door = gebruiker
    record.save(update_fields=["ongedaan_op", "ongedaan_door"])
    return record
