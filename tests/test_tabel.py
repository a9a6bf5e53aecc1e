"""The table component (kern/templatetags/tabel.py, issue 23): one place writes the outer markup of every table.

What it renders: a keyboard-scrollable wrapper named by the caption, the caption, `scope="col"` header cells and the
page's rows in the body. And a structural check: no template writes a table by hand any more, except the ones
still waiting for their conversion, listed below with the reason (a list that only shrinks).
"""

import re
from pathlib import Path

from django.template import Context, Template, TemplateSyntaxError
from django.template.loader import get_template

import pytest

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Hand-written tables still allowed, with the reason. Only shrinks: a file converted to {% tabel %} leaves the
# list (the test below fails while it is still listed), and no file joins it.
NOG_OM_TE_ZETTEN: dict[str, str] = {}

# What only the component writes: the table, its head, foot and caption, and the scroll wrapper.
HANDWERK = re.compile(r"<table\b|<thead\b|<tfoot\b|<caption\b|app-tabel-wrapper", re.I)


def _render(bron: str, **context) -> str:
    return Template("{% load tabel %}" + bron).render(Context(context))


def _sjablonen():
    return sorted(pad for pad in TEMPLATES.rglob("*") if pad.is_file() and pad.suffix in {".html", ".txt"})


def _naam(pad: Path) -> str:
    return pad.relative_to(TEMPLATES).as_posix()


# --- what the tag renders -------------------------------------------------------------------------------------


def test_the_table_has_its_wrapper_caption_header_and_body():
    html = _render(
        '{% tabel "Activiteiten met hun stand" kolommen="Activiteit|Status|% gereed" numeriek="% gereed" '
        'klasse="app-stappentabel" %}<tr class="utrecht-table__row"><td class="utrecht-table__cell">A</td></tr>'
        "{% endtabel %}"
    )
    wrapper = re.search(r'<div class="app-tabel-wrapper"([^>]*)>', html).group(1)
    # Keyboard scrolling (WCAG 2.1.1) of a region named by the caption (4.1.2).
    assert 'tabindex="0"' in wrapper and 'role="region"' in wrapper
    label = re.search(r'aria-labelledby="([^"]+)"', wrapper).group(1)
    assert (
        f'<caption class="utrecht-table__caption" id="{label}">Activiteiten met hun stand</caption>' in html
    )
    assert '<table class="utrecht-table app-stappentabel">' in html
    kop = re.search(
        r'<thead class="utrecht-table__header"><tr class="utrecht-table__row">(.*?)</tr></thead>', html
    )
    assert re.findall(r"<th ([^>]*)>(.*?)</th>", kop.group(1)) == [
        ('class="utrecht-table__header-cell" scope="col"', "Activiteit"),
        ('class="utrecht-table__header-cell" scope="col"', "Status"),
        ('class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col"', "% gereed"),
    ]
    assert (
        '<tbody class="utrecht-table__body"><tr class="utrecht-table__row"><td class="utrecht-table__cell">A</td>'
        "</tr></tbody>\n</table>\n</div>"
    ) in html
    # In document order: wrapper, table, caption, head, body.
    volgorde = [html.index(s) for s in ("app-tabel-wrapper", "<table", "<caption", "<thead", "<tbody")]
    assert volgorde == sorted(volgorde)


def test_a_hidden_caption_still_names_the_region():
    html = _render('{% tabel "Risico\'s" kolommen="Risico" bijschrift_verborgen=True %}{% endtabel %}')
    label = re.search(r'aria-labelledby="([^"]+)"', html).group(1)
    assert (
        f'<caption class="utrecht-table__caption app-visueel-verborgen" id="{label}">Risico\'s</caption>'
        in html
    )


def test_the_caption_can_be_a_block_and_columns_can_come_from_data():
    html = _render(
        '{% tabel kolommen="Scenario" id="totalen" %}'
        "{% bijschrift %}Totaal van {{ naam }}{% if deel %} (deel){% endif %}{% endbijschrift %}"
        '{% tabelkop %}{% for jaar in jaren %}{% kolom jaar numeriek=True %}{% endfor %}{% kolom "Acties" verborgen=True %}'
        "{% endtabelkop %}"
        '<tr class="utrecht-table__row"></tr>'
        '{% tabelvoet %}<tr class="utrecht-table__row"><td class="utrecht-table__cell">Totaal</td></tr>{% endtabelvoet %}'
        "{% endtabel %}",
        naam="<Jeugd & Wmo>",
        jaren=[2024, 2025],
        deel=True,
    )
    assert '<table class="utrecht-table" id="totalen">' in html
    assert 'aria-labelledby="totalen-bijschrift"' in html
    assert 'id="totalen-bijschrift">Totaal van &lt;Jeugd &amp; Wmo&gt; (deel)</caption>' in html
    assert re.findall(r"<th [^>]*>(.*?)</th>", html) == [
        "Scenario",
        "2024",
        "2025",
        '<span class="app-visueel-verborgen">Acties</span>',
    ]
    assert html.count("utrecht-table__header-cell--numeric") == 2
    # The blocks are not part of the body; the foot is its own tfoot after the body.
    assert '<tbody class="utrecht-table__body"><tr class="utrecht-table__row"></tr></tbody>' in html
    assert html.index("</tbody>") < html.index('<tfoot class="utrecht-table__footer"><tr')


def test_a_column_without_heading_is_an_empty_cell_not_an_empty_header():
    html = _render(
        '{% tabel "Matrix" %}{% tabelkop %}{% kolom "" %}{% for k in "12" %}{% kolom "Kans" k %}{% endfor %}'
        "{% endtabelkop %}{% endtabel %}"
    )
    assert (
        '<tr class="utrecht-table__row"><td class="utrecht-table__header-cell"></td>'
        '<th class="utrecht-table__header-cell" scope="col">Kans 1</th>'
        '<th class="utrecht-table__header-cell" scope="col">Kans 2</th></tr>'
    ) in html


def test_data_is_escaped_template_text_is_not():
    html = _render(
        "{% tabel bijschrift kolommen=koppen %}{% endtabel %}"
        '{% tabel "W&amp;I" kolommen="P&amp;C-moment" %}{% endtabel %}',
        bijschrift="<script>",
        koppen=["a<b"],
    )
    assert "<script>" not in html and "&lt;script&gt;</caption>" in html
    assert ">a&lt;b</th>" in html
    assert ">W&amp;I</caption>" in html and ">P&amp;C-moment</th>" in html


def test_every_table_of_one_page_gets_its_own_caption_id():
    """Two tables on a page, one of them from an include: different ids, each wrapper names its own table."""
    html = _render(
        '{% for n in "ab" %}{% tabel n kolommen="K" %}{% endtabel %}{% endfor %}'
        '{% include "actielijnen/partials/stand_tabel.html" with rijen=None %}'
    )
    labels = re.findall(r'aria-labelledby="([^"]+)"', html)
    ids = re.findall(r'<caption[^>]* id="([^"]+)"', html)
    assert len(labels) == 3 and labels == ids and len(set(ids)) == 3


@pytest.mark.parametrize(
    ("bron", "melding"),
    [
        ('{% tabel kolommen="A" %}{% endtabel %}', "bijschrift"),
        ('{% tabel "X" kolommen="A" %}{% bijschrift %}Y{% endbijschrift %}{% endtabel %}', "bijschrift"),
        ('{% tabel "X" %}{% endtabel %}', "kolomkoppen"),
        ('{% tabel "X" kolommen="A" kleur="rood" %}{% endtabel %}', "onbekende optie"),
        (
            '{% tabel "X" kolommen="A" %}{% if 1 %}{% tabelvoet %}{% endtabelvoet %}{% endif %}{% endtabel %}',
            "direct",
        ),
        ("{% tabelkop %}{% endtabelkop %}", "direct"),
        ('{% tabel "X" kolommen="A" numeriek="B" %}{% endtabel %}', "numeriek"),
        (
            '{% tabel "X" kolommen="A" %}{% tabelvoet %}{% endtabelvoet %}{% tabelvoet %}{% endtabelvoet %}'
            "{% endtabel %}",
            "twee keer",
        ),
    ],
)
def test_a_wrong_use_is_an_error_not_a_broken_table(bron, melding):
    with pytest.raises(TemplateSyntaxError, match=melding):
        _render(bron)


# --- every table of the product comes from the component -------------------------------------------------------


def test_no_template_writes_a_table_by_hand():
    handwerk = [
        _naam(pad)
        for pad in _sjablonen()
        if HANDWERK.search(pad.read_text(encoding="utf-8")) and _naam(pad) not in NOG_OM_TE_ZETTEN
    ]
    assert handwerk == [], (
        "Schrijf een tabel met {% load tabel %}{% tabel … %}…{% endtabel %} (kern/templatetags/tabel.py), "
        f"niet met de hand: {handwerk}"
    )


def test_the_list_of_tables_still_to_convert_only_shrinks():
    """A listed file that has no hand-written table any more (converted, moved or gone) leaves the list."""
    klaar = [
        naam
        for naam in NOG_OM_TE_ZETTEN
        if not (TEMPLATES / naam).is_file()
        or not HANDWERK.search((TEMPLATES / naam).read_text(encoding="utf-8"))
    ]
    assert klaar == [], f"Haal uit NOG_OM_TE_ZETTEN (omgezet of verdwenen): {klaar}"


def test_every_template_with_a_table_compiles():
    """Each use of the tag is well-formed (caption, columns, blocks in place): compiling it is enough."""
    gebruikt = [pad for pad in _sjablonen() if "{% tabel " in pad.read_text(encoding="utf-8")]
    assert len(gebruikt) >= 19  # the 19 files (27 tables) converted in issue 23
    for pad in gebruikt:
        get_template(_naam(pad))
