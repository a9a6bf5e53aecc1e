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


def mag_taak_zien(user, taak: Achtergrondtaak) -> bool:
    """Only who started the job, and the beheerder (who sees every job), may see it."""
    return taak.gebruiker_id == user.pk or user.has_perm("kern.view_achtergrondtaak")
