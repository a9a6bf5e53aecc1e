"""
The boundary of the informatiepiramide: raad, griffie and the public read published editions only.

One mechanism for every page: a view that may be shown to someone without `rapportage.view_actueel` must say
so with `@alleen_edities` (it promises to read only stored editions, the plan's text or the griffie's own
motie register, never live figures). Every other view — indicator pages, finances, dashboards, the admin, a
page added next year — is closed to them: anonymous visitors go to the login page, raad and griffie get the
Dutch 403. A new page is therefore safe by default; tests/rapportage/test_editiegrens.py crawls every link
these users can reach to prove that nothing live shows.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

# The mark is kern's, so that pages below rapportage can carry it; imported from here by rapportage and api.
from kern.permissions import alleen_edities
from rapportage.permissions import ziet_actuele_gegevens

__all__ = ["VRIJE_PAGINAS", "EditiegrensMiddleware", "alleen_edities"]

# Pages that show no programme data at all: signing in and out, the password, the start redirect, the icon.
VRIJE_PAGINAS = frozenset(
    {
        "login",
        "logout",
        "password_change",
        "password_change_done",
        "start",
        "favicon",
        "admin:login",
        "admin:logout",
    }
)


class EditiegrensMiddleware:
    """Closes every view not marked `@alleen_edities` to users who may not see live data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if ziet_actuele_gegevens(request.user) or getattr(view_func, "leest_alleen_edities", False):
            return None
        if request.resolver_match and request.resolver_match.view_name in VRIJE_PAGINAS:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
