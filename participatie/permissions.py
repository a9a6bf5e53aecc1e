"""
Who may do what in participatie: the one place its views, forms, template tags and services ask. Code asks
permissions (participatie/rollen.py) and the roles a person holds on an activity, never group names; nothing
outside this module calls `user.has_perm`.

Views use one decorator, `toegang_vereist(*predicaten)`, for what can be decided from the user alone; a rule on
one object (an activity, a trajectory, a track) is a predicate the view asks after it has found the object, so
that an unknown object is a 404 before a refusal is a 403.
"""

from actielijnen.permissions import mag_bewerken


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


# The permissions a trajectory is written with (the roles hold them; mag_traject_schrijven says on which activity).
TRAJECT_TOEVOEGEN = "participatie.add_participatietraject"
TRAJECT_WIJZIGEN = "participatie.change_participatietraject"


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


# --- Pages and buttons decided by a model permission alone ----------------------------------------------------

# The pages of participatie the overview links to, each with the permission it asks (as the menu does).
ONDERDEEL_PERMISSIES = {
    "participatie:stakeholders": "participatie.view_stakeholder",
    "participatie:trajecten": "participatie.view_participatietraject",
    "participatie:inbreng_overzicht": "participatie.view_inbreng",
    "participatie:wijken": "participatie.view_wijkkoppeling",
    "participatie:evaluaties": "participatie.view_evaluatie",
    "participatie:inkoop": "participatie.view_inkooptraject",
    "participatie:communicatie": "participatie.view_communicatieactie",
}


def mag_onderdeel_openen(user, onderdeel: str) -> bool:
    """Whether the overview links the page named `onderdeel` (a URL name of ONDERDEEL_PERMISSIES)."""
    return user.is_authenticated and user.has_perm(ONDERDEEL_PERMISSIES[onderdeel])


def mag_geheel_evalueren(user) -> bool:
    """Step IV of the whole programme: opgavecoördinator, manager and datakernteam."""
    return mag_programmabreed_schrijven(user, "participatie.add_evaluatie")


def mag_stakeholder_toevoegen(user) -> bool:
    """The shared register: whoever may add stakeholders (trekkers and the programme-wide roles)."""
    return user.is_authenticated and user.has_perm("participatie.add_stakeholder")


def mag_stakeholder_wijzigen(user) -> bool:
    return user.is_authenticated and user.has_perm("participatie.change_stakeholder")


def mag_traject_toevoegen(user) -> bool:
    """Adding a trajectory at all; on which activity (or outside the programme) is mag_traject_schrijven."""
    return user.is_authenticated and user.has_perm("participatie.add_participatietraject")


def mag_eigen_wijken_koppelen(user) -> bool:
    """Tying activities to wijken at all; which activities is mag_wijken_koppelen (a trekker: their own)."""
    return user.is_authenticated and user.has_perm("participatie.add_wijkkoppeling")


def mag_alle_wijken_koppelen(user) -> bool:
    """The wijken of every activity: the manager (programme-wide) and the datakernteam (who changes every
    activity)."""
    return mag_eigen_wijken_koppelen(user) and (
        user.has_perm("participatie.programmabreed_bijhouden")
        or user.has_perm("actielijnen.change_activiteit")
    )


def mag_wijken_beheren(user) -> bool:
    """The wijken themselves are the datakernteam's, in the admin (monitoring's model)."""
    return user.is_authenticated and user.is_staff and user.has_perm("monitoring.add_wijk")


def mag_communicatieactie_toevoegen(user) -> bool:
    """Adding a communication action at all; for which activity (or overarching) is
    mag_communicatieactie_schrijven, asked again by the service."""
    return user.is_authenticated and user.has_perm("participatie.add_communicatieactie")


def mag_inkooptraject_toevoegen(user) -> bool:
    """A track for another domain: the datakernteam only."""
    return user.is_authenticated and user.has_perm("participatie.add_inkooptraject")


def mag_inkooptraject_wijzigen(user) -> bool:
    """A track's name, date, owner and activities: manager and datakernteam."""
    return user.is_authenticated and user.has_perm("participatie.change_inkooptraject")


def mag_inkoopstap_toevoegen(user) -> bool:
    """A step added to a track: manager and datakernteam."""
    return user.is_authenticated and user.has_perm("participatie.add_inkooptrajectstap")
