"""bronnen's one page: the begrippenlijst of the Scenario document, for every role and for inwoners without an
account. It shows source text only (the glossary as printed, with its notes), never live figures, so it carries
`@alleen_edities` and the raad boundary lets raad, griffie and the public through."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from bronnen import selectors
from kern.permissions import alleen_edities


@alleen_edities
@require_safe
def begrippen(request):
    """The abbreviations and terms as a definition list, each with its source and its data-quality notes."""
    return render(request, "bronnen/begrippen.html", {"lijst": selectors.begrippenlijst()})


@alleen_edities
@require_safe
def bronnen(request):
    """The source documents the monitor is built from, as stored (dates, zaaknummers, decisions), with the notes
    on what a document leaves unclear (who set the Transformatieplan and when, a decision without a date)."""
    return render(request, "bronnen/bronnen.html", {"documenten": selectors.brondocumenten()})
