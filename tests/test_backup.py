"""Backup and restore, as the README ("Back-up en herstel") documents them, restore into an EMPTY database and
compare every table, row by row.

PostgreSQL: the real `pg_dump --format=custom` and `pg_restore --clean --if-exists --no-owner` binaries, into a new
database made with `createdb`. SQLite: the online backup API (the same page-by-page copy as the sqlite3 shell's
`.backup`), into a new file, then opened as a fresh connection. Each branch runs on its own database vendor: the
suite runs on SQLite and on PostgreSQL in CI (.ci/run), so both are exercised there.

`transaction=True`: the `db` fixture would keep the data in an open transaction that pg_dump cannot see.

The files: `MEDIA_ROOT` is backed up with the README's `tar` and restored into an emptied folder; every Import
finds its uploaded file again (`Import.bestand`, named by its sha256) with the same content.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import uuid
from datetime import date
from pathlib import Path

from django.db import connection

import pytest

from accounts.models import User
from actielijnen import services as actielijnen_services
from actielijnen.models import Activiteit, Voortgangsrapportage
from bronnen.laden import Verslag
from monitoring.laden import laad_monitoring
from monitoring.models import Import
from rapportage import services as rapportage_services
from rapportage.models import Exportbestand
from tests.achtergrondtaken import import_doorvoeren, import_proef
from tests.monitoring.bestanden import csv_bestand

# A stand-in PDF with every byte value: proves binary columns (bytea / BLOB) survive the round trip.
PDF_STEMPEL = b"%PDF-1.7\n" + bytes(range(256))


@pytest.fixture
def gevulde_database(programma, monkeypatch):
    """The demo programme plus what users add: an update, and a published edition with its stored files."""
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: PDF_STEMPEL)
    gebruikers = {u.username: u for u in User.objects.all()}
    activiteit = Activiteit.objects.editable_by(gebruikers["trekker"]).order_by("pk").first()
    actielijnen_services.voortgangsrapportage_create(
        activiteit=activiteit,
        auteur=gebruikers["trekker"],
        periode="2025-05",
        rag="oranje",
        percentage_gereed=47,
        fase="uitvoering",
        status="lopend",
        toelichting="Back-uptest: 47,3% gereed; knelpunt bij de wijkteams — “aanhalingstekens” en ë.",
    )
    editie = rapportage_services.rapportage_aanmaken(
        door=gebruikers["manager"],
        pc_moment="viermaandsrapportage",
        jaar=2024,
        titel="Viermaandsrapportage 2024",
        peildatum=date(2024, 4, 30),
        toelichtingen={"financien": "De besparingen lopen achter op Jeugd."},
    )
    editie = rapportage_services.vaststellen(rapportage=editie, door=gebruikers["college"])
    rapportage_services.publiceren(rapportage=editie, door=gebruikers["college"])
    assert Voortgangsrapportage.objects.filter(toelichting__startswith="Back-uptest").count() == 1
    assert bytes(Exportbestand.objects.get(soort="pdf").inhoud) == PDF_STEMPEL


def _waarde(waarde):
    # psycopg2 returns bytea as memoryview, sqlite3 BLOBs as bytes: compare the bytes.
    return bytes(waarde) if isinstance(waarde, memoryview) else waarde


def _tabel_inhoud(cursor, tabel: str, quote) -> tuple[list[str], list[tuple]]:
    """All rows of a table in a fixed order (every column, left to right), with their column names."""
    cursor.execute(f"SELECT * FROM {quote(tabel)} LIMIT 0")
    kolommen = [k[0] for k in cursor.description]
    volgorde = ", ".join(str(i) for i in range(1, len(kolommen) + 1))
    cursor.execute(f"SELECT * FROM {quote(tabel)} ORDER BY {volgorde}")
    return kolommen, [tuple(_waarde(w) for w in rij) for rij in cursor.fetchall()]


def _vergelijk_alle_tabellen(hersteld_cursor, hersteld_tabellen: set[str]) -> dict[str, int]:
    """Every table of the live test database has the same columns and rows in the restored copy."""
    quote = connection.ops.quote_name
    tabellen = connection.introspection.table_names()
    assert len(tabellen) > 50, "De testdatabase lijkt niet gemigreerd."
    assert set(tabellen) == hersteld_tabellen, "Andere tabellen na herstel."
    aantallen = {}
    with connection.cursor() as cursor:
        for tabel in tabellen:
            kolommen, rijen = _tabel_inhoud(cursor, tabel, quote)
            h_kolommen, h_rijen = _tabel_inhoud(hersteld_cursor, tabel, quote)
            assert h_kolommen == kolommen, f"{tabel}: andere kolommen na herstel"
            assert len(h_rijen) == len(rijen), (
                f"{tabel}: {len(h_rijen)} rijen na herstel, {len(rijen)} ervoor"
            )
            assert h_rijen == rijen, f"{tabel}: andere inhoud na herstel"
            aantallen[tabel] = len(rijen)
    # The check compares real data, not empty tables.
    for tabel in ("actielijnen_activiteit", "actielijnen_voortgangsrapportage", "rapportage_exportbestand"):
        assert aantallen[tabel] > 0, tabel
    return aantallen


@pytest.mark.django_db(transaction=True)
def test_backup_en_herstel_in_lege_database_geeft_elke_tabel_terug(gevulde_database, tmp_path):
    if connection.vendor == "postgresql":
        _postgresql_backup_en_herstel(tmp_path)
    elif connection.vendor == "sqlite":
        _sqlite_backup_en_herstel(tmp_path)
    else:
        pytest.fail(f"Geen gedocumenteerde back-up voor {connection.vendor}.")


def _postgresql_backup_en_herstel(tmp_path):
    """pg_dump → createdb (empty) → pg_restore, the commands of the README; then compare and drop."""
    import psycopg2
    import psycopg2.extras

    instellingen = connection.settings_dict
    omgeving = {
        **os.environ,
        "PGHOST": instellingen["HOST"] or "localhost",
        "PGPORT": str(instellingen["PORT"] or 5432),
        "PGUSER": instellingen["USER"],
        "PGPASSWORD": instellingen["PASSWORD"],
    }
    bron = instellingen["NAME"]
    doel = f"{bron}_herstel_{uuid.uuid4().hex[:8]}"
    dump = tmp_path / "hengelo_sd.dump"

    def draai(*opdracht):
        subprocess.run(opdracht, env=omgeving, check=True, capture_output=True, text=True, timeout=300)

    draai("pg_dump", "--format=custom", f"--file={dump}", bron)
    assert dump.stat().st_size > 0
    draai("createdb", doel)
    try:
        draai("pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={doel}", str(dump))
        hersteld = psycopg2.connect(
            dbname=doel,
            host=omgeving["PGHOST"],
            port=omgeving["PGPORT"],
            user=omgeving["PGUSER"],
            password=omgeving["PGPASSWORD"],
        )
        # Django reads jsonb as text; the restored side the same way, so both compare as the stored JSON.
        psycopg2.extras.register_default_jsonb(conn_or_curs=hersteld, loads=lambda tekst: tekst)
        try:
            with hersteld.cursor() as cursor:
                cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                _vergelijk_alle_tabellen(cursor, {r[0] for r in cursor.fetchall()})
                # Sequences come back at their value: the next insert after a restore does not collide.
                sql = (
                    "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"
                )
                cursor.execute(sql)
                hersteld_reeksen = cursor.fetchall()
            with connection.cursor() as live:
                live.execute(sql)
                assert hersteld_reeksen == live.fetchall()
        finally:
            hersteld.close()
    finally:
        draai("dropdb", "--if-exists", doel)


def _sqlite_backup_en_herstel(tmp_path):
    """The online backup API (safe while the app writes) into a new file, opened fresh and compared.

    The test database may live in memory, so the backup starts from Django's own connection; restoring is
    putting the file back in place, here: opening it as a new, separate connection.
    """
    backup = tmp_path / "backup.sqlite3"
    connection.ensure_connection()
    doel = sqlite3.connect(backup)
    try:
        connection.connection.backup(doel)
    finally:
        doel.close()
    # Restore into an empty database, the other documented step (`sqlite3 leeg.sqlite3 ".restore backup"`).
    hersteld_pad = tmp_path / "hersteld.sqlite3"
    bron, hersteld = sqlite3.connect(backup), sqlite3.connect(hersteld_pad)
    try:
        bron.backup(hersteld)
    finally:
        bron.close()
        hersteld.close()
    # Read back with the same type conversions as Django's connection (booleans, datetimes), so both sides
    # compare as Python values.
    hersteld = sqlite3.connect(hersteld_pad, detect_types=connection.get_connection_params()["detect_types"])
    try:
        cursor = hersteld.cursor()
        assert cursor.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        _vergelijk_alle_tabellen(cursor, {r[0] for r in cursor.fetchall()})
    finally:
        hersteld.close()


# --- The files: MEDIA_ROOT --------------------------------------------------------------------------------------

IMPORTBESTANDEN = [
    ["indicator;periode;wijk;soort;waarde;bron", f"6.1.1.1;{jaar};;realisatie;{waarde}%;KT"]
    for jaar, waarde in ((2021, "46"), (2022, "47,2"), (2023, "48,1"))
]


@pytest.mark.django_db
def test_backup_en_herstel_van_media_root_geeft_elk_importbestand_terug(
    client, programma, settings, tmp_path
):
    """The README's `tar -czf … -C "$MEDIA_ROOT" .` and `tar -xzf … -C "$MEDIA_ROOT"`, into an emptied folder."""
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    laad_monitoring(Verslag())
    client.force_login(User.objects.get(username="beheerder"))
    for regels in IMPORTBESTANDEN:
        assert import_proef(client, csv_bestand(regels)).status_code == 200
        assert "Klaar" in import_doorvoeren(client).content.decode()
    origineel = {
        hashlib.sha256(csv_bestand(r).read()).hexdigest(): csv_bestand(r).read() for r in IMPORTBESTANDEN
    }
    imports = list(Import.objects.all())
    assert len(imports) == 3 and {i.sha256 for i in imports} == set(origineel)

    archief = tmp_path / "media-2025-05-01.tar.gz"
    subprocess.run(["tar", "-czf", str(archief), "-C", str(media), "."], check=True, timeout=60)
    shutil.rmtree(media)  # the disk is lost
    assert not media.exists()
    media.mkdir()
    subprocess.run(["tar", "-xzf", str(archief), "-C", str(media)], check=True, timeout=60)

    for record in Import.objects.all():
        pad = record.bestandspad
        assert pad is not None and pad.is_file(), record.bestand
        assert pad.parent == Path(media) / "imports" and pad.name.startswith(record.sha256)
        inhoud = pad.read_bytes()
        assert hashlib.sha256(inhoud).hexdigest() == record.sha256
        assert inhoud == origineel[record.sha256]
