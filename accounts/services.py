"""
Changing who holds which role, with separation of duties (issue 30).

- No one changes their own roles: `rollen_wijzigen` refuses when the actor is the user.
- A role that publishes or decides (`ROLLEN_MET_BESLISMACHT`: college, opdrachtgever, griffie, beheerder) is not
  given at once: the change is recorded as a request (`Roltoekenning`, aangevraagd) and only a second beheerder,
  neither the requester nor the user, makes it happen (`roltoekenning_beoordelen`). Other roles are given, and
  every role is withdrawn, at once: that hands no one power over publishing or deciding.
- Every grant, request, approval, refusal and withdrawal is one `Roltoekenning` row and one line on the
  "beveiliging" logger (stdout, for the gemeente's SIEM).
"""

import logging
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.constants import ROLLEN_MET_BESLISMACHT, Rol, Roltoekenningsoort, Roltoekenningstatus
from accounts.models import Roltoekenning, User
from accounts.permissions import mag_rollen_toekennen, mag_roltoekenning_beoordelen

logger = logging.getLogger("beveiliging")

EIGEN_ROLLEN = "U kunt uw eigen rollen niet wijzigen; vraag dat aan een andere beheerder."
EIGEN_AANVRAAG = (
    "U kunt deze roltoekenning niet beoordelen: een tweede beheerder, niet de aanvrager en niet de gebruiker zelf, "
    "keurt hem goed of af."
)
AL_BEOORDEELD = "Deze roltoekenning is al beoordeeld ({status}); er is niets gewijzigd."


@dataclass
class Rolwijziging:
    """What `rollen_wijzigen` did: roles given and withdrawn at once, and the requests that wait for approval."""

    toegekend: list[str] = field(default_factory=list)
    ingetrokken: list[str] = field(default_factory=list)
    aangevraagd: list[str] = field(default_factory=list)


def _log(toekenning: Roltoekenning, actie: str, door: User, adres: str | None) -> None:
    logger.info(
        "roltoekenning actie=%s rol=%s gebruiker=%s door=%s resultaat=%s adres=%s id=%s",
        actie,
        toekenning.rol,
        toekenning.gebruiker.username,
        door.username,
        toekenning.status,
        adres or "-",
        toekenning.pk,
    )


def _vastleggen(
    gebruiker: User, rol: str, soort: str, status: str, door: User, op, adres: str | None
) -> Roltoekenning:
    """One row of the log of role changes, and its line on the "beveiliging" logger."""
    toekenning = Roltoekenning.objects.create(
        gebruiker=gebruiker,
        rol=rol,
        soort=soort,
        status=status,
        aangevraagd_door=door,
        aangevraagd_op=op,
        aangevraagd_vanaf=adres,
    )
    actie = {Roltoekenningstatus.AANGEVRAAGD: "aanvraag"}.get(status, soort)
    _log(toekenning, actie, door, adres)
    return toekenning


@transaction.atomic
def rollen_wijzigen(
    *, gebruiker: User, rollen: set[str], door: User, adres: str | None = None
) -> Rolwijziging:
    """Bring `gebruiker`'s roles to `rollen` as far as `door` may do alone; ask for approval of the rest.

    Raises PermissionDenied when `door` may not manage accounts, ValidationError (Dutch) when `door` is
    `gebruiker`. A role with beslismacht that is not yet held becomes a pending request (once: an equal pending
    request is not repeated); withdrawing a role also withdraws a pending request for it.
    """
    if not mag_rollen_toekennen(door):
        raise PermissionDenied
    if door.pk == gebruiker.pk:
        raise ValidationError(EIGEN_ROLLEN)
    onbekend = set(rollen) - set(Rol.values)
    if onbekend:
        raise ValidationError(f"Onbekende rol: {', '.join(sorted(onbekend))}.")
    huidig = {g.name for g in gebruiker.groups.all()} & set(Rol.values)
    wijziging = Rolwijziging()
    nu = timezone.now()
    for rol in sorted(huidig - set(rollen)):
        gebruiker.groups.remove(Group.objects.get(name=rol))
        _vastleggen(
            gebruiker, rol, Roltoekenningsoort.INTREKKING, Roltoekenningstatus.DOORGEVOERD, door, nu, adres
        )
        wijziging.ingetrokken.append(rol)
    wachtend = set(
        Roltoekenning.objects.filter(
            gebruiker=gebruiker, status=Roltoekenningstatus.AANGEVRAAGD, soort=Roltoekenningsoort.TOEKENNING
        ).values_list("rol", flat=True)
    )
    # A pending request for a role that is no longer asked for lapses: it is refused in the owner's name.
    for rol in sorted(wachtend - set(rollen)):
        for toekenning in Roltoekenning.objects.filter(
            gebruiker=gebruiker, rol=rol, status=Roltoekenningstatus.AANGEVRAAGD
        ):
            toekenning.status = Roltoekenningstatus.AFGEWEZEN
            toekenning.beoordeeld_door, toekenning.beoordeeld_op, toekenning.beoordeeld_vanaf = (
                door,
                nu,
                adres,
            )
            toekenning.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op", "beoordeeld_vanaf"])
            _log(toekenning, "aanvraag_ingetrokken", door, adres)
    for rol in sorted(set(rollen) - huidig):
        if rol in ROLLEN_MET_BESLISMACHT:
            if rol not in wachtend:
                _vastleggen(
                    gebruiker,
                    rol,
                    Roltoekenningsoort.TOEKENNING,
                    Roltoekenningstatus.AANGEVRAAGD,
                    door,
                    nu,
                    adres,
                )
            wijziging.aangevraagd.append(rol)
            continue
        gebruiker.groups.add(Group.objects.get(name=rol))
        _vastleggen(
            gebruiker, rol, Roltoekenningsoort.TOEKENNING, Roltoekenningstatus.DOORGEVOERD, door, nu, adres
        )
        wijziging.toegekend.append(rol)
    return wijziging


@transaction.atomic
def roltoekenning_beoordelen(
    *, toekenning: Roltoekenning, door: User, goedkeuren: bool, adres: str | None = None
) -> Roltoekenning:
    """Approve (the role is given now) or refuse a pending request, as a second beheerder.

    Raises PermissionDenied when `door` is not a second beheerder for this request, ValidationError (Dutch) when
    it was already decided. The row is locked, so two beheerders deciding at once decide it once.
    """
    toekenning = Roltoekenning.objects.select_for_update().select_related("gebruiker").get(pk=toekenning.pk)
    if not mag_roltoekenning_beoordelen(door, toekenning):
        raise PermissionDenied(EIGEN_AANVRAAG)
    if toekenning.status != Roltoekenningstatus.AANGEVRAAGD:
        raise ValidationError(AL_BEOORDEELD.format(status=toekenning.get_status_display().lower()))
    if goedkeuren:
        toekenning.gebruiker.groups.add(Group.objects.get(name=toekenning.rol))
    toekenning.status = Roltoekenningstatus.DOORGEVOERD if goedkeuren else Roltoekenningstatus.AFGEWEZEN
    toekenning.beoordeeld_door, toekenning.beoordeeld_op, toekenning.beoordeeld_vanaf = (
        door,
        timezone.now(),
        adres,
    )
    toekenning.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op", "beoordeeld_vanaf"])
    _log(toekenning, "goedkeuring" if goedkeuren else "afwijzing", door, adres)
    return toekenning


# --- the role groups themselves -----------------------------------------------------------------------------------
# Role groups and their model permissions are created in code so every fresh database has them. Code asks about
# permissions (`user.has_perm`), never about group names. Each app declares which role holds which of its
# permissions in `<app>/rollen.py` (a dict `ROL_PERMISSIES`); these two merge them and sync the groups after every
# migrate (accounts.apps).


def rol_permissies() -> dict[str, set[str]]:
    """Role → set of 'app_label.codename', merged from every installed app's `rollen.py`."""
    samengevoegd: dict[str, set[str]] = {rol: set() for rol in Rol.values}
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.rollen")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.rollen":
                raise
            continue
        for rol, codes in module.ROL_PERMISSIES.items():
            samengevoegd[rol].update(codes)
    return samengevoegd


def rollen_synchroniseren(sender=None, **kwargs) -> None:
    """Create the role groups and give each exactly its declared permissions (idempotent)."""
    permissies = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type")
    }
    for rol, codes in rol_permissies().items():
        group, _ = Group.objects.get_or_create(name=rol)
        # Permissions of apps not migrated yet are skipped; the next post_migrate adds them.
        group.permissions.set([permissies[code] for code in sorted(codes) if code in permissies])
