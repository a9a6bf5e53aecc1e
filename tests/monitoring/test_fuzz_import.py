"""
Hostile import files never raise and never half-write: hypothesis generates ≥ 10.000 files (both layouts × both
formats, tests/monitoring/fuzzbestanden.py) and each one goes through the dry run the preview shows and the
commit the page calls (`metingen_importeren`).

For every file: no exception escapes; every message is Dutch; the dry run writes nothing; the commit reports the
same errors as the preview; a refused commit leaves the monitoring tables byte for byte as they were; an accepted
one leaves an Import record, stores no character PostgreSQL refuses (NUL, lone surrogates) and its undo restores
every meting. Then a few explicit regression tests for the failures the issue names.
"""

import hashlib
import io
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitoring.importbestand import OngeldigBestand, lees_rijen
from monitoring.importregels import analyseer
from monitoring.models import Import, Meting
from monitoring.services import import_ongedaan_maken, metingen_importeren
from tests.monitoring.fuzzbestanden import Getypt, alle_bestanden, bestanden, csv_tekst, xlsx_bytes

# 4 × 2.250 files through the dry run (reader + rules + comparison with the database, what the preview shows) and
# 1.000 more through dry run, commit and undo (what the page does): 10.000 in all. The commit path costs about
# three times as much per file, so it gets the smaller share. FUZZ_FACTOR scales both while developing.
FACTOR = float(os.environ.get("FUZZ_FACTOR", 1))
PROEF_VOORBEELDEN = int(2_250 * FACTOR)
DOORVOER_VOORBEELDEN = int(1_000 * FACTOR)
FUZZ = settings(
    max_examples=PROEF_VOORBEELDEN,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
# English a library or Python would write; a Dutch message has none of these words.
ENGELS = re.compile(
    r"\b(error|invalid|unsupported|exception|traceback|password|encrypted|expected|nonetype|errno|zip file|"
    r"not|cannot|failed|unknown|must|the|file|line|column|object|attribute|index|key|value|of type)\b",
    re.IGNORECASE,
)
# What PostgreSQL refuses in a text column (NUL) or cannot encode (lone surrogates), and other C0 controls.
STUURTEKEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
MELDING_VELDEN = ("id", "indicator_id", "periode", "periode_begin", "wijk_id", "gebied_id", "soort", "waarde")
METING_VELDEN = (*MELDING_VELDEN, "decimalen", "bron", "status", "via_import_id")
IMPORT_VELDEN = ("id", "bestandsnaam", "sha256", "indeling", "aantal_rijen", "aantal_nieuw", "ongedaan_op")


def _hash(queryset, velden) -> tuple[int, str]:
    digest = hashlib.sha256()
    aantal = 0
    for rij in queryset.order_by("pk").values_list(*velden):
        digest.update(repr(rij).encode())
        aantal += 1
    return aantal, digest.hexdigest()


def vingerafdruk() -> dict:
    """Counts and a hash of every Meting and Import row: equal means the import wrote nothing."""
    return {"metingen": _hash(Meting.objects, METING_VELDEN), "imports": _hash(Import.objects, IMPORT_VELDEN)}


def nederlands(tekst: str, echo: str = "") -> None:
    """A message shown to the user: non-empty Dutch, no Python or library English (the echoed cell excepted)."""
    assert tekst and tekst.strip(), "lege melding"
    zonder_echo = tekst.replace(echo, "") if echo else tekst
    zonder_echo = re.sub(r"'[^']*'", "", zonder_echo)  # a quoted cell value is the file's text, not ours
    assert not ENGELS.search(zonder_echo), f"Engelse of technische melding: {tekst!r}"
    assert not STUURTEKEN.search(tekst), f"stuurteken in melding: {tekst!r}"


def meldingen_nederlands(resultaat) -> None:
    if resultaat.bestandsfout:
        nederlands(resultaat.bestandsfout)
    for melding in resultaat.meldingen:
        nederlands(melding)
    if resultaat.analyse is not None:
        for fout in resultaat.analyse.fouten:
            nederlands(fout.reden, echo=fout.waarde)
            assert not STUURTEKEN.search(fout.waarde), f"stuurteken in getoonde waarde: {fout.waarde!r}"
        for voorstel in resultaat.analyse.waarschuwingen:
            nederlands(voorstel.waarschuwing)
    assert resultaat.bestandsfout or resultaat.analyse is not None


def schrijfteller() -> tuple[int, int, int]:
    """Cheap guard for the dry run: every write path of the import leaves a Meting history row or an Import."""
    return Meting.objects.count(), Meting.history.count(), Import.objects.count()


def proef_en_controleer(naam: str, data: bytes, gebruiker) -> None:
    """The dry run the preview shows: Dutch outcome, nothing written."""
    voor = schrijfteller()
    proef = metingen_importeren(bestand=io.BytesIO(data), bestandsnaam=naam, gebruiker=gebruiker)
    meldingen_nederlands(proef)
    assert not proef.doorgevoerd and schrijfteller() == voor, "de proefimport schreef iets"


def importeer_en_controleer(naam: str, data: bytes, gebruiker, alleen_geldige: bool) -> None:
    """Dry run, then commit, as the page does; assert the outcome of each and that nothing is half-written."""
    voor = vingerafdruk()
    proef = metingen_importeren(bestand=io.BytesIO(data), bestandsnaam=naam, gebruiker=gebruiker)
    meldingen_nederlands(proef)
    assert vingerafdruk() == voor, "de proefimport schreef iets"

    resultaat = metingen_importeren(
        bestand=io.BytesIO(data),
        bestandsnaam=naam,
        gebruiker=gebruiker,
        doorvoeren=True,
        alleen_geldige=alleen_geldige,
    )
    meldingen_nederlands(resultaat)
    # What the preview promised is what the commit does.
    assert resultaat.bestandsfout == proef.bestandsfout
    if proef.analyse is not None:
        assert [f.reden for f in resultaat.analyse.fouten] == [f.reden for f in proef.analyse.fouten]
        assert resultaat.analyse.aantal_voorstellen == proef.analyse.aantal_voorstellen

    if not resultaat.doorgevoerd:
        assert resultaat.import_record is None
        assert vingerafdruk() == voor, "een geweigerd bestand veranderde de database"
        return
    assert proef.geldig or alleen_geldige
    record = resultaat.import_record
    assert Import.objects.filter(pk=record.pk, ongedaan_op__isnull=True).exists()
    assert not STUURTEKEN.search(record.bestandsnaam)
    for bron, periode in Meting.objects.filter(via_import=record).values_list("bron", "periode"):
        assert not STUURTEKEN.search(bron + periode), f"stuurteken opgeslagen: {bron!r}"
    import_ongedaan_maken(import_record=record, gebruiker=gebruiker)
    assert vingerafdruk()["metingen"] == voor["metingen"], "ongedaan maken herstelde de metingen niet"


@pytest.fixture
def fuzz_beheerder(monitoring, beheerder):
    return beheerder


@pytest.mark.django_db
@FUZZ
@given(bestand=bestanden("lang", "csv"))
def test_fuzz_proef_lang_csv(fuzz_beheerder, bestand):
    proef_en_controleer(*bestand, fuzz_beheerder)


@pytest.mark.django_db
@FUZZ
@given(bestand=bestanden("breed", "csv"))
def test_fuzz_proef_breed_csv(fuzz_beheerder, bestand):
    proef_en_controleer(*bestand, fuzz_beheerder)


@pytest.mark.django_db
@FUZZ
@given(bestand=bestanden("lang", "xlsx"))
def test_fuzz_proef_lang_xlsx(fuzz_beheerder, bestand):
    proef_en_controleer(*bestand, fuzz_beheerder)


@pytest.mark.django_db
@FUZZ
@given(bestand=bestanden("breed", "xlsx"))
def test_fuzz_proef_breed_xlsx(fuzz_beheerder, bestand):
    proef_en_controleer(*bestand, fuzz_beheerder)


@pytest.mark.django_db
@settings(FUZZ, max_examples=DOORVOER_VOORBEELDEN)
@given(bestand=alle_bestanden, alleen_geldige=st.booleans())
def test_fuzz_doorvoeren_en_ongedaan_maken(fuzz_beheerder, bestand, alleen_geldige):
    importeer_en_controleer(*bestand, fuzz_beheerder, alleen_geldige)


# -- the failures the issue names, as plain regression tests ------------------------------------------------------

KOP = ["indicator", "periode", "wijk", "soort", "waarde", "bron"]


def _csv(*rijen) -> bytes:
    return csv_tekst([KOP, *rijen]).encode("utf-8")


def _fouten(data: bytes, naam="m.csv"):
    return analyseer(lees_rijen(io.BytesIO(data), naam)).fouten


@pytest.mark.django_db
def test_a_nul_byte_in_a_cell_is_refused_in_the_preview_and_never_stored(monitoring, beheerder):
    data = _csv(["6.1.1.1", "2023", "", "realisatie", "48,1%", "Kennispunt\x00Twente"])
    proef = metingen_importeren(bestand=io.BytesIO(data), bestandsnaam="m.csv", gebruiker=beheerder)
    [fout] = proef.analyse.fouten
    assert fout.kolom == "bron" and "stuurteken" in fout.reden and "\x00" not in fout.waarde
    voor = vingerafdruk()
    geweigerd = metingen_importeren(
        bestand=io.BytesIO(data), bestandsnaam="m.csv", gebruiker=beheerder, doorvoeren=True
    )
    assert not geweigerd.doorgevoerd and vingerafdruk() == voor
    # Only the valid values: the row with the NUL is skipped, nothing with a NUL reaches the database.
    importeer_en_controleer("m.csv", data, beheerder, alleen_geldige=True)
    assert not any("\x00" in bron for bron in Meting.objects.values_list("bron", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "periode", ["0000", "0000-Q1", "47,3% (0000)", Getypt("0000-01-01", "yyyy", t="d"), Getypt("0", "yyyy")]
)
def test_year_0000_is_a_dutch_cell_error(monitoring, beheerder, periode):
    rij = ["6.1.1.1", periode, "", "realisatie", "47,3%", "KT"]
    if isinstance(periode, str) and "%" in periode:
        rij = ["6.1.1.1", "2023", "", "realisatie", periode, "KT"]
    for naam, data in (("m.csv", _csv(rij)), ("m.xlsx", xlsx_bytes([KOP, rij]))):
        resultaat = metingen_importeren(bestand=io.BytesIO(data), bestandsnaam=naam, gebruiker=beheerder)
        meldingen_nederlands(resultaat)
        assert resultaat.bestandsfout or resultaat.analyse.fouten, naam


@pytest.mark.django_db
@pytest.mark.parametrize(
    "veld,waarde",
    [("versie", 70), ("methode", 9), ("methode", 99), ("methode", 93), ("vlaggen", 0x1)],
)
def test_a_zip_with_an_unsupported_version_method_or_encryption_gives_a_dutch_file_error(
    monitoring, beheerder, veld, waarde
):
    data = bytearray(xlsx_bytes([KOP, ["6.1.1.1", "2023", "", "realisatie", "47,3%", "KT"]]))
    # Local header: version needed +4, flags +6, method +8; central header: each two bytes further.
    for handtekening, verschuiving in ((b"PK\x03\x04", 0), (b"PK\x01\x02", 2)):
        plek = data.find(handtekening)
        while plek != -1:
            veldplek = plek + verschuiving + {"versie": 4, "vlaggen": 6, "methode": 8}[veld]
            data[veldplek : veldplek + 2] = waarde.to_bytes(2, "little")
            plek = data.find(handtekening, plek + 1)
    resultaat = metingen_importeren(
        bestand=io.BytesIO(bytes(data)), bestandsnaam="m.xlsx", gebruiker=beheerder
    )
    assert resultaat.bestandsfout
    meldingen_nederlands(resultaat)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "cel",
    [
        Getypt("NaN"),
        Getypt("INF"),
        Getypt("1e400"),
        Getypt("0.473", "0." + "0" * 40 + "%"),
        Getypt("1e10", "yyyy"),
    ],
)
def test_absurd_number_cells_are_cell_errors_not_exceptions(monitoring, beheerder, cel):
    data = xlsx_bytes([KOP, ["6.1.1.1", "2023", "", "realisatie", cel, "KT"]])
    importeer_en_controleer("m.xlsx", data, beheerder, alleen_geldige=True)


def test_a_csv_cell_beyond_the_field_size_limit_is_a_dutch_file_error():
    data = _csv(["6.1.1.1", "2023", "", "realisatie", "x" * 140_000, "KT"])
    with pytest.raises(OngeldigBestand) as fout:
        list(lees_rijen(io.BytesIO(data), "m.csv"))
    nederlands(str(fout.value))
