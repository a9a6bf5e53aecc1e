"""A term of the begrippenlijst, linked where a page uses it.

    {% load begrippen %}
    {% begrip "Sociale basis" %}
        → <a class="app-begrip" href="/begrippen/#sociale-basis">Sociale basis</a>
    {% begrip "Sociale basis" "de sociale basis" %}
        → the same link, with the page's own words as its text
    {% begrip "GGZ" %}
        → <a class="app-begrip" href="/begrippen/#ggz"><abbr title="Geestelijke Gezondheid Zorg">GGZ</abbr></a>

The first argument names the entry: its term as printed, one part of a term with a slash ("Maatwerk" for
"Maatwerk / maatwerkvoorziening") or its anchor, in any case. A name the glossary does not hold (or a database
without the glossary) renders the words alone, never an error; tests/bronnen/test_begrippen.py checks that every
use in the templates names an entry of the source's list.

Why this pattern (WCAG 2.1 AA): the explanation is one activation away, on the begrippenlijst, with its source
and its data-quality notes. A plain link is reachable and operable by keyboard, touch and screen reader alike
(2.1.1, 2.4.4: its text is the term itself, meaningful in its sentence). We do not hang the explanation on the
term itself: a `title` tooltip cannot be reached by keyboard or touch and is read inconsistently, a hover or
focus popup would need the dismiss and hover rules of 1.4.13, and `aria-describedby` pointing at hidden text
would make a screen reader read a whole paragraph (Sociale basis is ten lines) at every use. Only an
abbreviation gets its expansion in `<abbr title>` as well, the HTML pattern for abbreviations: short, and an
extra for whoever hovers; the link carries the same information to everyone else.

Bounded queries: the glossary is read once per rendering (one page, its base and includes share one render
context, as `{% tabel %}` counts its tables), and only when the page uses the tag.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from bronnen.selectors import Verwijzing, begrippen_opzoeken

register = template.Library()

_OPGEZOCHT = object()  # key of the glossary in the render context, shared by one rendering


def _opzoeken(context) -> dict[str, Verwijzing]:
    gedeeld = context.render_context.dicts[0]
    if _OPGEZOCHT not in gedeeld:
        gedeeld[_OPGEZOCHT] = begrippen_opzoeken()
    return gedeeld[_OPGEZOCHT]


@register.simple_tag(takes_context=True)
def begrip(context, naam, tekst=None):
    """The term (or the page's own `tekst` for it) as a link to its entry on the begrippenlijst."""
    getoond = tekst or naam
    verwijzing = _opzoeken(context).get(str(naam).lower())
    if verwijzing is None:
        return getoond
    adres = f"{reverse('bronnen:begrippen')}#{verwijzing.sleutel}"
    if verwijzing.afkorting:
        return format_html(
            '<a class="app-begrip" href="{}"><abbr title="{}">{}</abbr></a>',
            adres,
            verwijzing.uitleg,
            getoond,
        )
    return format_html('<a class="app-begrip" href="{}">{}</a>', adres, getoond)
