"""The demo programme as rows: loaded once per test worker, then put back with plain INSERTs.

Loading the programme from `fixtures/` parses and validates some hundred YAML records and takes about two seconds;
some 800 tests need it. So a worker loads it once, in a transaction it rolls back, and keeps the rows it added per
table (an "afdruk", a print). `programma_terugzetten` then inserts exactly those rows again: the same primary keys,
the same history, the same demo accounts, in a fraction of the time.

It holds only while the database under it is the one the print was taken on: a test that commits for real (a live
server) flushes every table afterwards, and post_migrate makes the content types, permissions and role groups anew,
with new ids. So each print remembers those tables, and a print that no longer matches is taken again.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

# What migrate and post_migrate make: the rows a print refers to (content types, permissions, role groups).
ONDERGROND = ("django_content_type", "auth_permission", "auth_group", "auth_group_permissions")
NOOIT = {"django_migrations", "django_session"}


@dataclass
class Afdruk:
    ondergrond: dict[str, list]
    tabellen: dict[str, tuple[list[str], list]]  # table → (columns, the rows the load added)
    resultaat: object


def _naam(tabel: str) -> str:
    return connection.ops.quote_name(tabel)


def _rijen(cursor, tabel: str) -> tuple[list[str], list]:
    """Every row of a table: tuples on SQLite; JSON text per row on PostgreSQL (every type round-trips)."""
    if connection.vendor == "postgresql":
        cursor.execute(f"SELECT row_to_json(t)::text FROM {_naam(tabel)} t")
        return [], [rij[0] for rij in cursor.fetchall()]
    cursor.execute(f"SELECT * FROM {_naam(tabel)}")
    return [kolom[0] for kolom in cursor.description], cursor.fetchall()


def _tabellen(cursor) -> list[str]:
    return [t for t in connection.introspection.table_names(cursor) if t not in NOOIT]


def _ondergrond(cursor) -> dict[str, list]:
    return {tabel: sorted(_rijen(cursor, tabel)[1], key=repr) for tabel in ONDERGROND}


def afdruk_maken(laden) -> Afdruk | None:
    """Run `laden()` in a transaction that is rolled back, and keep the rows it added. None when the load also
    changed or removed rows (a print could not put that back), so the caller loads for real instead."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            tabellen = _tabellen(cursor)
            voor = {tabel: _rijen(cursor, tabel) for tabel in tabellen}
            ondergrond = _ondergrond(cursor)
        resultaat = laden()
        with connection.cursor() as cursor:
            na = {tabel: _rijen(cursor, tabel) for tabel in _tabellen(cursor)}
        transaction.set_rollback(True)
    toegevoegd = {}
    for tabel, (kolommen, rijen) in na.items():
        oud = set(voor.get(tabel, ([], []))[1])
        if not oud <= set(rijen):
            return None
        nieuw = [rij for rij in rijen if rij not in oud]
        if nieuw:
            toegevoegd[tabel] = (kolommen, nieuw)
    return Afdruk(ondergrond, toegevoegd, resultaat)


def past(afdruk: Afdruk) -> bool:
    """Whether the database is still the one the print was taken on (no flush has made its rows anew since)."""
    with connection.cursor() as cursor:
        return _ondergrond(cursor) == afdruk.ondergrond


def terugzetten(afdruk: Afdruk) -> None:
    """Insert the print's rows in the current transaction. Foreign keys are checked at commit (Django declares
    them DEFERRABLE INITIALLY DEFERRED on both databases), so the order of the tables does not matter — as long as
    all of it is one transaction: a test that commits for real runs in autocommit, so the block makes it one."""
    with transaction.atomic(), connection.cursor() as cursor:
        for tabel, (kolommen, rijen) in afdruk.tabellen.items():
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"INSERT INTO {_naam(tabel)} SELECT * FROM json_populate_recordset(NULL::{_naam(tabel)}, %s)",
                    ["[" + ",".join(rijen) + "]"],
                )
            else:
                plekken = ", ".join(["%s"] * len(kolommen))
                namen = ", ".join(_naam(k) for k in kolommen)
                cursor.executemany(f"INSERT INTO {_naam(tabel)} ({namen}) VALUES ({plekken})", rijen)
        # The next row a test creates must not collide with a restored primary key (PostgreSQL's sequences;
        # SQLite's AUTOINCREMENT follows the highest id by itself).
        modellen = [
            m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in afdruk.tabellen
        ]
        for sql in connection.ops.sequence_reset_sql(no_style(), modellen):
            cursor.execute(sql)
