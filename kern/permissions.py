"""The one way a view asks for access: `@toegang_vereist(predicaat, …)`.

The predicates themselves (`mag_…(user) -> bool`) live in each app's `permissions.py`; this decorator only asks
them, in order, and answers the way every page of the product answers: an anonymous visitor goes to the login
page, a signed-in user who fails a predicate gets the Dutch 403. Checks on one object (visible → else 404,
editable → else 403) stay in the view, after the lookup, with that app's predicates.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from kern.models import Achtergrondtaak

Predicaat = Callable[..., bool]


def toegang_vereist(*predicaten: Predicaat):
    """View decorator: login first; then every predicate must hold for `request.user`, else PermissionDenied."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not all(predicaat(request.user) for predicaat in predicaten):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def alleen_edities(view):
    """Mark a view as safe for readers of published editions only (raad, griffie, the public, no account needed).

    The view promises to read stored editions, the text of the source documents (the plan, its glossary) or the
    griffie's own motie register, never live figures. The boundary that honours the mark is rapportage's
    (`rapportage.editiegrens.EditiegrensMiddleware`); the mark itself lives here, on the bottom floor, so a page of
    any floor can carry it without importing upwards (the begrippenlijst in bronnen, the informatiepiramide in
    monitoring). Every marked view is listed in tests/rapportage/test_editiegrens.py (`VOOR_EDITIELEZERS`).
    """
    view.leest_alleen_edities = True
    return view


def toegestaan(mag: bool) -> None:
    """A service's guard: refuse the act (PermissionDenied, nothing written) when the acting user may not do it.

    Services receive the acting user and ask their app's predicate themselves, so the admin, a job, the demo and a
    direct POST that skips the page all meet the same rule as the view (which asks first to show its 403).
    """
    if not mag:
        raise PermissionDenied


def mag_taak_zien(user, taak: Achtergrondtaak) -> bool:
    """Only who started the job, and the beheerder (who sees every job), may see it."""
    return taak.gebruiker_id == user.pk or user.has_perm("kern.view_achtergrondtaak")
