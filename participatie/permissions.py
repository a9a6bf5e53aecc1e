"""
Who may do what in participatie: the one place its views and services ask. Code asks permissions
(participatie/rollen.py) and the roles a person holds on an activity, never group names.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from actielijnen.permissions import mag_bewerken


def lezer_vereist(view):
    """View decorator: anonymous users go to the login page; who may not read participatie (college, raad,
    griffie) gets the Dutch 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not mag_lezen(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def mag_lezen(user) -> bool:
    """The programme organisation reads participatie's pages; college, raad and inwoners see the editions."""
    return user.is_authenticated and user.has_perm("participatie.view_participatieadvies")


def mag_voor_activiteit_schrijven(user, activiteit, permissie: str) -> bool:
    """`permissie` (e.g. 'participatie.add_participatieadvies') on this activity: its trekker, or the
    datakernteam (who may change every activity)."""
    return user.is_authenticated and user.has_perm(permissie) and mag_bewerken(user, activiteit)


def mag_beslissen(user, activiteit) -> bool:
    """Steps I and II: only the activity's own opdrachtgever decides (§4.1)."""
    return (
        user.is_authenticated
        and activiteit.opdrachtgever_id is not None
        and activiteit.opdrachtgever_id == user.pk
    )


def mag_programmabreed_schrijven(user, permissie: str) -> bool:
    """Writing not tied to one's own activity (trajectories outside the programme, evaluations of the whole,
    the overarching communication): opgavecoördinator, manager and datakernteam, not a trekker as such."""
    return (
        user.is_authenticated
        and user.has_perm("participatie.programmabreed_bijhouden")
        and user.has_perm(permissie)
    )


def mag_communicatieactie_schrijven(user, activiteit, permissie: str) -> bool:
    """§4.2: an activity's communication is its trekker's ("De trekker is hiervoor aan zet"), the overarching
    communication (no activity) the programme's; manager and datakernteam write both."""
    if mag_programmabreed_schrijven(user, permissie):
        return True
    return activiteit is not None and mag_voor_activiteit_schrijven(user, activiteit, permissie)


def mag_traject_schrijven(user, activiteit, permissie: str) -> bool:
    """Step III: a trajectory (and its meetings) of an activity is written by that activity's trekker or the
    programme-wide roles; a trajectory outside the programme (`activiteit` None) only by the programme-wide roles."""
    if activiteit is None:
        return mag_programmabreed_schrijven(user, permissie)
    return mag_voor_activiteit_schrijven(user, activiteit, permissie) or mag_programmabreed_schrijven(
        user, permissie
    )


def mag_wijken_koppelen(user, activiteit) -> bool:
    """Wijkgericht werken (§2.3.2): the activity's trekker, the manager and the datakernteam tie it to wijken."""
    if mag_voor_activiteit_schrijven(user, activiteit, "participatie.add_wijkkoppeling"):
        return True
    return user.has_perm("participatie.add_wijkkoppeling") and user.has_perm(
        "participatie.programmabreed_bijhouden"
    )


def mag_drempel_zetten(user) -> bool:
    """The overvraging threshold is the manager's (participatie/rollen.py)."""
    return user.is_authenticated and user.has_perm("participatie.change_overvragingsdrempel")


def mag_inkooptraject_bijhouden(user, traject) -> bool:
    """The steps of a procurement track (duur, marge, planned and actual dates): manager and datakernteam, and
    the track's own eigenaar (who reads participatie)."""
    if not user.is_authenticated:
        return False
    if user.has_perm("participatie.change_inkooptrajectstap"):
        return True
    return traject.eigenaar_id is not None and traject.eigenaar_id == user.pk and mag_lezen(user)


def mag_inbreng_schrijven(user, traject) -> bool:
    """Record and process what participants brought in to a trajectory: whoever writes the trajectory (its
    activity's trekker and the datakernteam; the programme-wide roles for every trajectory, §4.1)."""
    if mag_programmabreed_schrijven(user, "participatie.add_inbreng"):
        return True  # decided without loading the activity
    return mag_traject_schrijven(user, traject.activiteit, "participatie.add_inbreng")
