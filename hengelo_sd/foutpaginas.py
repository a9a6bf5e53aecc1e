"""
The answers to a refused request (handler400, handler403 in hengelo_sd/urls.py), in Dutch and in the site's layout.

- 400: a request Django or hengelo_sd.invoerbewaking cannot take (a Host outside ALLOWED_HOSTS, control
  characters in the address or the form). The page is rendered without the request, as Django's own
  `bad_request` does: the request may be the problem, so nothing reads its host, session or user and nothing
  queries the database. It leaves before the inner middleware, so it carries the security headers itself.
- 403: who is not signed in goes to the login page (and back with ?next=), on every page: "log in first" is the
  answer a visitor can act on, and a page added later needs no check of its own for it (README, "Rollen en
  toegang"). Who is signed in and may not gets the Dutch 403.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseBadRequest
from django.template import loader
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

from accounts.selectors import hoofdmenu
from hengelo_sd import beveiligingskoppen


@requires_csrf_token
def ongeldig_verzoek(request, exception=None):
    """The Dutch 400 page (templates/400.html), with the public menu and the security headers."""
    inhoud = loader.get_template("400.html").render({"hoofdmenu": hoofdmenu(None, "")})
    return beveiligingskoppen.toevoegen(HttpResponseBadRequest(inhoud))


@requires_csrf_token
def geen_toegang(request, exception=None):
    """Anonymous: to the login page with ?next=; signed in: the Dutch 403 (templates/403.html)."""
    gebruiker = getattr(request, "user", None)
    if gebruiker is not None and not gebruiker.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return defaults.permission_denied(request, exception)
