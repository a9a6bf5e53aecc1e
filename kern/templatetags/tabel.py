"""One table component: every data table of the product has the same outer markup, written once here.

    {% load tabel %}
    {% tabel "Bijschrift" kolommen="Activiteit|Status|% gereed" numeriek="% gereed" klasse="app-x" id="x" %}
      <tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">…</th>…</tr>
    {% endtabel %}

renders

    <div class="app-tabel-wrapper" tabindex="0" role="region" aria-labelledby="x-bijschrift">
    <table class="utrecht-table app-x" id="x">
    <caption class="utrecht-table__caption" id="x-bijschrift">Bijschrift</caption>
    <thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell"
      scope="col">Activiteit</th>…</tr></thead>
    <tbody class="utrecht-table__body">…the rows…</tbody>
    </table>
    </div>

The wrapper is the table's scroll region (WCAG 1.4.10 reflow: a wide table scrolls inside it, never the page):
`tabindex="0"` so a keyboard user can scroll it (2.1.1), and a focusable region needs a name (4.1.2): the caption,
by `aria-labelledby`, so the name says what the table holds (the hand-written copies said "Tabel; schuif opzij …"
or borrowed a heading, or had no caption at all). Every table has a caption and every column heading
`scope="col"`; a page cannot forget them.

Arguments (a caption and at least one column heading are required, the rest is optional):
- the caption: the first argument (text or variable), or a `{% bijschrift %}…{% endbijschrift %}` block for a
  caption with template logic in it;
- `kolommen`: the column headings, a `|`-separated string or a list. Like any string written in a template (and
  like the caption argument) the string is taken as HTML (`W&amp;I`); the items of a list from the view are escaped;
- `numeriek`: the headings (of `kolommen`, same spelling) of right-aligned number columns, `|`-separated; their
  cells in the rows carry `utrecht-table__cell--numeric` themselves;
- `klasse`: extra classes for the `<table>` (the CSS hooks, e.g. `app-risicoregister`);
- `id`: the table's id; the caption's id is then `<id>-bijschrift`. Without it the caption gets `tabel-<n>-bijschrift`,
  `n` counting the tables of one rendering. A partial rendered on its own and inserted into a page (HTMX, fetch)
  passes an `id` so its ids cannot clash with the page's;
- `bijschrift_verborgen=True`: the caption is for assistive technology only (`app-visueel-verborgen`), where a
  heading right above the table already says visually what it holds.

Blocks inside the tag, each at most once and directly inside it:
- `{% tabelkop %}…{% endtabelkop %}`: more header cells after `kolommen`, for columns that come from data or a
  condition: `{% tabelkop %}{% for jaar in jaren %}{% kolom jaar %}{% endfor %}{% endtabelkop %}`;
- `{% tabelvoet %}…{% endtabelvoet %}`: the rows of a `<tfoot class="utrecht-table__footer">` (totals).

`{% kolom "Label" numeriek=True verborgen=True %}` is one header cell (several label parts are joined by a space:
`{% kolom "Kans" kans %}`); an empty label gives an empty `<td>` corner cell, never an empty `<th>` (axe:
empty-table-header).

The rows stay in the page's template: they are the page's content. The tag computes nothing about the data.
"""

from django import template
from django.template.base import kwarg_re, render_value_in_context, token_kwargs
from django.utils.html import format_html
from django.utils.safestring import SafeData, SafeString, mark_safe

register = template.Library()

WRAPPER = '<div class="app-tabel-wrapper" tabindex="0" role="region" aria-labelledby="{}">'
KOPCEL = '<th class="utrecht-table__header-cell{}" scope="col">{}</th>'
NUMERIEK = " utrecht-table__header-cell--numeric"
VERBORGEN = "app-visueel-verborgen"
_TELLER = object()  # key of the per-rendering table counter in the render context


def _splits(waarde) -> list:
    """`"A|B"` or a list → the list of labels; empty or None → []."""
    if not waarde:
        return []
    if isinstance(waarde, str):
        # A string written in the template is safe in Django (like the caption argument): its parts stay so.
        veilig = mark_safe if isinstance(waarde, SafeData) else str
        return [veilig(deel.strip()) for deel in waarde.split("|")]
    return list(waarde)


def kopcel(label, numeriek: bool = False, verborgen: bool = False) -> SafeString:
    """One column heading: `<th scope="col">`, or an empty `<td>` for a corner without a heading."""
    if label is None or str(label) == "":
        return mark_safe('<td class="utrecht-table__header-cell"></td>')
    inhoud = format_html('<span class="{}">{}</span>', VERBORGEN, label) if verborgen else label
    return format_html(KOPCEL, NUMERIEK if numeriek else "", inhoud)


class _Blok(template.Node):
    """A section of a `{% tabel %}` (`bijschrift`, `tabelkop`, `tabelvoet`): TabelNode renders it in its place."""

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):  # pragma: no cover - TabelNode takes these out of its body
        return ""


class BijschriftNode(_Blok):
    naam = "bijschrift"


class TabelkopNode(_Blok):
    naam = "tabelkop"


class TabelvoetNode(_Blok):
    naam = "tabelvoet"


class TabelNode(template.Node):
    def __init__(self, bijschrift, opties, nodelist, blokken):
        self.bijschrift = bijschrift
        self.opties = opties
        self.nodelist = nodelist
        self.blokken = blokken

    def _blok(self, soort, context) -> str:
        blok = self.blokken.get(soort)
        return blok.nodelist.render(context) if blok else ""

    def _id(self, context) -> tuple[str, str]:
        """The table's own id ("" if none) and the caption's id."""
        eigen = self.opties.get("id")
        eigen = str(eigen.resolve(context)) if eigen else ""
        if eigen:
            return eigen, f"{eigen}-bijschrift"
        # One counter for the whole rendering (the page with its includes): render_context.dicts[0] is shared by
        # the extended and included templates of one render call.
        gedeeld = context.render_context.dicts[0]
        gedeeld[_TELLER] = gedeeld.get(_TELLER, 0) + 1
        return "", f"tabel-{gedeeld[_TELLER]}-bijschrift"

    def _optie(self, naam, context):
        waarde = self.opties.get(naam)
        return waarde.resolve(context) if waarde is not None else None

    def render(self, context):
        tabel_id, bijschrift_id = self._id(context)
        if self.bijschrift is not None:
            bijschrift = render_value_in_context(self.bijschrift.resolve(context), context)
        else:
            bijschrift = self._blok(BijschriftNode, context)
        kolommen = _splits(self._optie("kolommen", context))
        numeriek = _splits(self._optie("numeriek", context))
        onbekend = [str(n) for n in numeriek if n not in kolommen]
        if onbekend:
            raise template.TemplateSyntaxError(f"tabel: numeriek noemt geen kolom: {', '.join(onbekend)}")
        klasse = " ".join(["utrecht-table", *str(self._optie("klasse", context) or "").split()])
        bijschrift_klasse = "utrecht-table__caption"
        if self._optie("bijschrift_verborgen", context):
            bijschrift_klasse += f" {VERBORGEN}"

        kop = "".join(kopcel(render_value_in_context(k, context), k in numeriek) for k in kolommen)
        kop += self._blok(TabelkopNode, context)
        voet = self._blok(TabelvoetNode, context)
        delen = [
            format_html(WRAPPER, bijschrift_id),
            format_html(
                '<table class="{}"{}>', klasse, format_html(' id="{}"', tabel_id) if tabel_id else ""
            ),
            format_html(
                '<caption class="{}" id="{}">{}</caption>', bijschrift_klasse, bijschrift_id, bijschrift
            ),
            format_html(
                '<thead class="utrecht-table__header"><tr class="utrecht-table__row">{}</tr></thead>',
                mark_safe(kop),
            ),
            format_html('<tbody class="utrecht-table__body">{}</tbody>', self.nodelist.render(context)),
        ]
        if voet.strip():
            delen.append(format_html('<tfoot class="utrecht-table__footer">{}</tfoot>', voet))
        delen += ["</table>", "</div>"]
        return mark_safe("\n".join(delen))


OPTIES = ("kolommen", "numeriek", "klasse", "id", "bijschrift_verborgen")
BLOKKEN = {"bijschrift": BijschriftNode, "tabelkop": TabelkopNode, "tabelvoet": TabelvoetNode}


@register.tag
def tabel(parser, token):
    """`{% tabel "Bijschrift" kolommen="…" numeriek="…" klasse="…" id="…" bijschrift_verborgen=True %}…{% endtabel %}`"""
    bits = token.split_contents()[1:]
    bijschrift = None
    if bits and not kwarg_re.match(bits[0]).group(1):
        bijschrift = parser.compile_filter(bits.pop(0))
    opties = token_kwargs(bits, parser)
    if bits:
        raise template.TemplateSyntaxError(f"tabel: onbekend argument {bits[0]!r}")
    for naam in opties:
        if naam not in OPTIES:
            raise template.TemplateSyntaxError(f"tabel: onbekende optie {naam!r}; wel: {', '.join(OPTIES)}")

    nodelist = parser.parse(("endtabel",))
    parser.delete_first_token()
    blokken = {}
    for node in list(nodelist):
        if isinstance(node, _Blok):
            if type(node) in blokken:
                raise template.TemplateSyntaxError(f"tabel: {{% {node.naam} %}} staat er twee keer in")
            blokken[type(node)] = node
            nodelist.remove(node)

    if (bijschrift is None) == (BijschriftNode not in blokken):
        raise template.TemplateSyntaxError(
            "tabel: geef het bijschrift als eerste argument of als {% bijschrift %}-blok (precies één van beide)"
        )
    if "kolommen" not in opties and TabelkopNode not in blokken:
        raise template.TemplateSyntaxError(
            "tabel: geef de kolomkoppen met kolommen=… of een {% tabelkop %}-blok"
        )
    return TabelNode(bijschrift, opties, nodelist, blokken)


def _blok_tag(naam):
    klasse = BLOKKEN[naam]

    def compileer(parser, token):
        if len(token.split_contents()) != 1:
            raise template.TemplateSyntaxError(f"{naam} heeft geen argumenten")
        # Directly inside {% tabel %}: the stack holds the open block tags, this one last.
        if len(parser.command_stack) < 2 or parser.command_stack[-2][0] != "tabel":
            raise template.TemplateSyntaxError(f"{{% {naam} %}} staat alleen direct binnen {{% tabel %}}")
        nodelist = parser.parse((f"end{naam}",))
        parser.delete_first_token()
        return klasse(nodelist)

    compileer.__name__ = naam
    return compileer


for _naam in BLOKKEN:
    register.tag(_naam, _blok_tag(_naam))


@register.simple_tag(takes_context=True)
def kolom(context, *label, numeriek=False, verborgen=False):
    """One column heading for a `{% tabelkop %}`: `{% kolom "Scenario" scenario.nummer numeriek=True %}`.

    Each part is shown as `{{ part }}` would show it (localised, escaped unless safe), the parts joined by a space.
    """
    delen = [render_value_in_context(deel, context) for deel in label if deel is not None and str(deel) != ""]
    return kopcel(mark_safe(" ".join(delen)), numeriek, verborgen)
