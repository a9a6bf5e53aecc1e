"""
Pages of a list, as the NL API Design Rules show them: `page` and `pageSize` in the query, HAL links in the body
(`_links`: self, first, prev, next, last), the same links in a `Link` header (RFC 8288) and the totals in
X-Total-Count, X-Pagination-Page and X-Pagination-Limit.

A malformed `page` or `pageSize` (not a whole number of at least 1, or a pageSize above the maximum) is a 400
naming the parameter; a page past the last one is a 404. Nothing is cut or corrected silently.
"""

import math
import re

from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from api.constants import MAX_PAGINAGROOTTE, PAGINAGROOTTE
from api.fouten import NietGevonden, OngeldigeParameter

PAGINA = "page"
PAGINAGROOTTE_PARAMETER = "pageSize"
# ASCII digits only: int() would also take "１２" or "٣"; at most 18, so the number fits every database.
GEHEEL_GETAL = re.compile(r"[0-9]{1,18}")
LINKS = ("self", "first", "prev", "next", "last")


def geheel_getal(request, naam: str) -> int | None:
    """A whole query parameter of at least 1, None when absent; a 400 naming it when it is anything else."""
    waarde = request.query_params.get(naam)
    if waarde is None:
        return None
    if not GEHEEL_GETAL.fullmatch(waarde) or int(waarde) < 1:
        raise OngeldigeParameter(naam, "verwacht een geheel getal van 1 of meer.")
    return int(waarde)


class Paginering(BasePagination):
    """One page of a list or queryset, embedded under `_embedded.<naam>`."""

    def __init__(self, naam: str):
        self.naam = naam

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        grootte = geheel_getal(request, PAGINAGROOTTE_PARAMETER) or PAGINAGROOTTE
        if grootte > MAX_PAGINAGROOTTE:
            raise OngeldigeParameter(
                PAGINAGROOTTE_PARAMETER, f"de grootste pagina is {MAX_PAGINAGROOTTE}.", code="maximum"
            )
        self.pagina = geheel_getal(request, PAGINA) or 1
        self.grootte = grootte
        self.totaal = queryset.count() if hasattr(queryset, "model") else len(queryset)
        self.paginas = max(1, math.ceil(self.totaal / grootte))
        if self.pagina > self.paginas:
            paginas = "1 pagina" if self.paginas == 1 else f"{self.paginas} pagina's"
            raise NietGevonden(
                f"Pagina {self.pagina} bestaat niet: deze lijst heeft {paginas} van {grootte}."
            )
        begin = (self.pagina - 1) * grootte
        return list(queryset[begin : begin + grootte])

    def _url(self, pagina: int) -> str:
        url = self.request.build_absolute_uri()
        return remove_query_param(url, PAGINA) if pagina == 1 else replace_query_param(url, PAGINA, pagina)

    def links(self) -> dict:
        nummers = {
            "self": self.pagina,
            "first": 1,
            "prev": self.pagina - 1 if self.pagina > 1 else None,
            "next": self.pagina + 1 if self.pagina < self.paginas else None,
            "last": self.paginas,
        }
        return {rel: {"href": self._url(n)} for rel, n in nummers.items() if n is not None}

    def get_paginated_response(self, data, extra_links: dict | None = None):
        links = self.links()
        antwoord = Response(
            {
                "_links": {**links, **(extra_links or {})},
                "_embedded": {self.naam: data},
                "totaal": self.totaal,
            }
        )
        antwoord["Link"] = ", ".join(f'<{link["href"]}>; rel="{rel}"' for rel, link in links.items())
        antwoord["X-Total-Count"] = str(self.totaal)
        antwoord["X-Pagination-Page"] = str(self.pagina)
        antwoord["X-Pagination-Limit"] = str(self.grootte)
        return antwoord
