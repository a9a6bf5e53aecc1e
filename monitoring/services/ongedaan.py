"""
Undoing an import: set-based, one transaction, only the latest import still in force (`waarom_niet_ongedaan`
is the one rule the service, the history page and the confirmation page ask).
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection, models, transaction
from django.db.models import Count, Max, Min
from django.utils import timezone

from kern.permissions import toegestaan
from monitoring.models import Import, Meting
from monitoring.permissions import mag_importeren
from monitoring.services.importeren import BIJGEWERKTE_VELDEN, ImportGeweigerd, Voortgang

# Undo works through the import's own history rows in slices of this many history ids.
STAP = 5000


def laatste_van_kracht() -> int | None:
    """The pk of the latest import still in force (not undone), the only one undo may take back; None if none."""
    return (
        Import.objects.filter(ongedaan_op__isnull=True).order_by("-pk").values_list("pk", flat=True).first()
    )


_NIET_BEREKEND = object()


def waarom_niet_ongedaan(record: Import, *, laatste=_NIET_BEREKEND) -> str:
    """Why this import cannot be undone, in Dutch for the page; "" when it can.

    The one rule the undo service, the history page and the confirmation page ask: an import is undone once, and
    only the latest import still in force goes back, so no later import's values are lost. A list passes
    `laatste` (from `laatste_van_kracht()`) to ask for many imports in one query.
    """
    if record.ongedaan_op:
        return "Deze import is al ongedaan gemaakt."
    if laatste is _NIET_BEREKEND:
        laatste = laatste_van_kracht()
    if laatste is not None and laatste > record.pk:
        return "Maak eerst de latere imports ongedaan; alleen de laatste import kan terug."
    return ""


@transaction.atomic
def import_ongedaan_maken(
    *, import_record: Import, gebruiker: AbstractBaseUser, voortgang: Voortgang | None = None
) -> Import:
    """Undo an import: delete the metingen it created and restore the ones it changed, with history.

    Only the latest import that is still in force can be undone, so no later import's values are lost.
    Set-based: per slice of the import's history rows, one UPDATE restores the changed metingen from their
    previous history row, INSERT ... SELECT writes the history of the restore and of the deletion, and one
    DELETE removes the created metingen. No meting passes through Python. `voortgang(gedaan, totaal)` is told
    the history rows handled after each slice.
    """
    toegestaan(mag_importeren(gebruiker))
    record = Import.objects.select_for_update().get(pk=import_record.pk)
    reden = waarom_niet_ongedaan(record)
    if reden:
        raise ImportGeweigerd(reden)
    # Every history row the import wrote has its reason and points at it (via_import is indexed; the reason not).
    eigen = Meting.history.model.objects.filter(
        via_import_id=record.pk, history_change_reason=record.wijzigingsreden
    )
    grenzen = eigen.aggregate(
        laagste=Min("history_id"), hoogste=Max("history_id"), aantal=Count("history_id")
    )
    if grenzen["aantal"]:
        sql = _OngedaanSql(record, gebruiker)
        gedaan = 0
        for begin in range(grenzen["laagste"], grenzen["hoogste"] + 1, STAP):
            gedaan += sql.stap(begin, begin + STAP)
            if voortgang is not None:
                voortgang(gedaan, grenzen["aantal"])
    record.ongedaan_op = timezone.now()
    record.ongedaan_door = gebruiker
    record.save(update_fields=["ongedaan_op", "ongedaan_door"])
    return record


class _OngedaanSql:
    """The statements that undo one slice of an import's history rows, portable to SQLite and PostgreSQL."""

    def __init__(self, record: Import, gebruiker: AbstractBaseUser):
        historie = Meting.history.model
        q = connection.ops.quote_name
        self.record = record
        self.meting = q(Meting._meta.db_table)
        self.historie = q(historie._meta.db_table)
        self.kolommen = [q(f.column) for f in Meting._meta.concrete_fields]
        self.hersteld = [q(Meting._meta.get_field(naam).column) for naam in BIJGEWERKTE_VELDEN]
        # Constant columns of every history row the undo writes: when, why, who.
        self.stempel = [
            q("history_date"),
            q("history_change_reason"),
            q("history_user_id"),
            q("history_type"),
        ]
        self.stempelwaarden = [
            connection.ops.adapt_datetimefield_value(timezone.now()),
            f"ongedaan:{record.pk}",
            gebruiker.pk,
        ]
        self.reden = record.wijzigingsreden

    def stap(self, begin: int, eind: int) -> int:
        """Undo the slice [begin, eind) of the import's history rows; returns how many rows it held."""
        eigen = [self.record.pk, self.reden, begin, eind]
        kolommen = ", ".join(self.kolommen)
        stempel = ", ".join(self.stempel)
        with connection.cursor() as cursor:
            # The slice's own rows, and for each changed meting its history row just before the import's. Ids
            # only (never instances); as literal lists they keep every statement below an index lookup, whatever
            # the planner's (often stale, right after a large import) statistics say.
            cursor.execute(
                f"SELECT e.id, e.history_type, (SELECT MAX(p.history_id) FROM {self.historie} p "
                "WHERE p.id = e.id AND p.history_id < e.history_id) "
                f"FROM {self.historie} e WHERE e.via_import_id = %s AND e.history_change_reason = %s "
                "AND e.history_id >= %s AND e.history_id < %s",
                eigen,
            )
            rijen = cursor.fetchall()
            if not rijen:
                return 0
            # A changed meting without an earlier row (history began later) keeps its value, as before.
            vorige = [str(int(v)) for _id, soort, v in rijen if soort == "~" and v is not None]
            aangemaakt_ids = [int(i) for i, soort, _v in rijen if soort == "+"]
            if vorige:
                lijst = ", ".join(vorige)
                zet = ", ".join(f"{kolom} = vorige.{kolom}" for kolom in self.hersteld)
                cursor.execute(
                    f"UPDATE {self.meting} SET {zet} FROM (SELECT id, {', '.join(self.hersteld)} "
                    f"FROM {self.historie} WHERE history_id IN ({lijst})) vorige "
                    f"WHERE {self.meting}.id = vorige.id"
                )
                # The restore's history: the restored rows as they now are.
                cursor.execute(
                    f"INSERT INTO {self.historie} ({kolommen}, {stempel}) "
                    f"SELECT {kolommen}, %s, %s, %s, '~' FROM {self.meting} "
                    f"WHERE id IN (SELECT id FROM {self.historie} WHERE history_id IN ({lijst}))",
                    self.stempelwaarden,
                )
            if aangemaakt_ids:
                # The deletion's history, then the deletion: only metingen this import still owns.
                cursor.execute(
                    f"INSERT INTO {self.historie} ({kolommen}, {stempel}) "
                    f"SELECT {kolommen}, %s, %s, %s, '-' FROM {self.meting} "
                    f"WHERE via_import_id = %s AND id IN ({', '.join(map(str, aangemaakt_ids))})",
                    [*self.stempelwaarden, self.record.pk],
                )
        if not aangemaakt_ids:
            return len(rijen)
        aangemaakt = Meting.objects.filter(via_import_id=self.record.pk, id__in=aangemaakt_ids)
        # What hangs on a meting (another source's value) goes the ordinary way, with its own history; rare.
        for relatie in Meting._meta.related_objects:
            if relatie.on_delete is not models.CASCADE:
                continue  # none today; PROTECT would have refused the ORM's delete too
            relatie.related_model._base_manager.filter(**{f"{relatie.field.name}__in": aangemaakt}).delete()
        # Raw: the ORM's delete would load each meting to send the signal that writes history, written above.
        aangemaakt._raw_delete(aangemaakt.db)
        return len(rijen)
