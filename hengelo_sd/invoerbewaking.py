"""
One guard for input no page can use: control characters in the address, the query string or a form.

A NUL (`%00`) in a search box or an admin filter reached PostgreSQL, which refuses NUL in text: a 500 on every
page that filters on what it is given. No person types a control character, so rather than teaching each of the
pages (and the admin's filters) about them, this middleware refuses such a request with the Dutch 400 page
before any view, session or query runs (it sits near the top of settings.MIDDLEWARE).

- Path, query-string keys and values: no C0 control character (U+0000–U+001F) and no DEL (U+007F) at all.
- Form fields of a POST, urlencoded or multipart: keys likewise; values may hold tab, newline and carriage
  return (a textarea sends CR LF), nothing else below U+0020. Multipart too, or a client would simply choose it
  to pass; uploaded files themselves are the importer's to judge (monitoring/importbestand.py). Parsing the body
  here costs nothing extra: CsrfViewMiddleware reads request.POST of every POST anyway, with the same upload
  handlers (settings.FILE_UPLOAD_HANDLERS, no view sets its own), and the result is kept on the request. A body
  Django cannot parse as multipart gets the 400 page too.
"""

import logging
import re

from django.http.multipartparser import MultiPartParserError

from hengelo_sd.foutpaginas import ongeldig_verzoek

# Everything in C0, and DEL.
STUURTEKENS = re.compile(r"[\x00-\x1f\x7f]")
# In form text, tab, LF and CR are ordinary.
STUURTEKENS_IN_TEKST = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORMULIEREN = ("application/x-www-form-urlencoded", "multipart/form-data")

logger = logging.getLogger("django.security.invoerbewaking")


def waar_ongeldig(request) -> str | None:
    """Where the request holds a control character ("het adres", "de zoekparameters", "het formulier"), or None."""
    if STUURTEKENS.search(request.path):
        return "het adres"
    for sleutel, waarden in request.GET.lists():
        if STUURTEKENS.search(sleutel) or any(STUURTEKENS.search(w) for w in waarden):
            return "de zoekparameters"
    if request.method == "POST" and request.content_type in FORMULIEREN:
        try:
            velden = request.POST.lists()
        except MultiPartParserError:
            return "het formulier"
        for sleutel, waarden in velden:
            if STUURTEKENS.search(sleutel) or any(STUURTEKENS_IN_TEKST.search(w) for w in waarden):
                return "het formulier"
    return None


class InvoerbewakingMiddleware:
    """Answers the Dutch 400 page to a request with control characters (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (waar := waar_ongeldig(request)) is not None:
            logger.warning(
                "Verzoek geweigerd: stuurtekens in %s (%s %s)", waar, request.method, repr(request.path)
            )
            return ongeldig_verzoek(request)
        return self.get_response(request)
