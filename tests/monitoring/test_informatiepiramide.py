"""
The informatiepiramide page (issue 24): the table of the Uitvoeringsplan's §5.3 and the plan's own sentences around
it, for every role and for an inwoner without an account, with the notes on its cells and, per level, a link to
where that level reads in this application when the viewer may open it. Read through the real stack (a GET as
each role); the quoted sentences are checked against the seed, not against the template.
"""

import html
import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from bronnen.models import Datakwaliteitsnotitie
from monitoring.models import Informatieniveau
from tests.seeds import UITVOERINGSPLAN, tekst

pytestmark = pytest.mark.django_db

ADRES = "/informatiepiramide/"

# Per role, the levels whose pages the role may open (accounts/permissions.py, the roles' permissions): read off
# the authorization matrix (tests/autorisatiematrix_verwachting.py), written out here.
OPEN = {
    None: {"Inwoners"},
    "trekker": {"Uitvoering", "Inwoners"},
    "opdrachtgever": {"Uitvoering", "Inwoners"},
    "manager": {"Uitvoering", "Management", "College", "Raad", "Inwoners"},
    "college": {"College", "Raad", "Inwoners"},
    "raad": {"Raad", "Inwoners"},
    "griffie": {"Raad", "Inwoners"},
    "beheerder": {"Uitvoering", "Management", "College", "Raad", "Inwoners"},
}
LEVEL_PAGINAS = {
    "Uitvoering": "actielijnen:uitvoering",
    "Management": "actielijnen:management",
    "College": "rapportage:college",
    "Raad": "rapportage:raad",
    "Inwoners": "rapportage:inwoners",
}


def _zichtbaar(inhoud: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inhoud)).split())


def _client(demo, rol) -> Client:
    client = Client()
    if rol:
        client.force_login(demo[rol])
    return client


def test_the_address_is_the_public_one():
    assert reverse("monitoring:informatiepiramide") == ADRES


@pytest.mark.parametrize("rol", list(OPEN))
def test_every_role_and_an_inwoner_read_the_table_the_plan_and_their_own_way_to_each_level(
    programma, demo, rol
):
    antwoord = _client(demo, rol).get(ADRES)
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    zichtbaar = _zichtbaar(pagina)

    # The table, through the house component: caption, column headings, one row per level with its header cell.
    assert '<caption class="utrecht-table__caption" id="informatiepiramide-bijschrift">' in pagina
    for kop in ("Niveau", "Proces", "Type indicatoren", "Bronnen", "Voorbeelden"):
        assert f'<th class="utrecht-table__header-cell" scope="col">{kop}</th>' in pagina
    tabel = pagina[
        pagina.index('<table class="utrecht-table" id="informatiepiramide">') : pagina.index("</table>")
    ]
    for niveau in Informatieniveau.objects.all():
        assert f'<th class="utrecht-table__header-cell" scope="row">{niveau.naam}</th>' in tabel
        for cel in (niveau.proces, niveau.type_indicatoren, niveau.bronnen, niveau.voorbeelden):
            if cel:
                assert html.escape(cel, quote=False) in tabel, (niveau.naam, cel)
    # The empty cells of Inwoners are said to be empty in the source, not filled in.
    assert _zichtbaar(tabel).count("niet ingevuld in de bron") == 2

    # Every sentence quoted from the plan is the plan's text (the link on "governance" aside).
    bron = " ".join(tekst(UITVOERINGSPLAN).split())
    # (the page's own quotes of the plan; the notes' quotes are checked by the notes' tests)
    zonder_notities = re.sub(r'<div class="app-datakwaliteit".*?</figure>', "", pagina, flags=re.S)
    citaten = re.findall(
        r'<blockquote class="utrecht-blockquote">((?:(?!</blockquote>).)*?)</blockquote>\s*'
        r'<figcaption class="utrecht-paragraph">Letterlijk uit de bron: <cite>Uitvoeringsplan 2023, §5\.[34]</cite>',
        zonder_notities,
        flags=re.S,
    )
    plan = [_zichtbaar(a) for c in citaten for a in re.findall(r"<p>(.*?)</p>", c, flags=re.S)]
    assert len(plan) == 4
    for alinea in plan:
        assert alinea in bron, alinea
    assert (
        "Op dit moment hebben we nog niet de slag gemaakt welke informatie nodig is op welk niveau. Dit wordt in "
        "Q1 2023 uitgewerkt en verder aangescherpt." in zichtbaar
    )
    assert "Letterlijk uit de bron: Uitvoeringsplan 2023, §5.3" in zichtbaar
    assert "Letterlijk uit de bron: Uitvoeringsplan 2023, §5.4" in zichtbaar
    assert '<a class="app-begrip" href="/begrippen/#governance">governance</a>' in pagina

    # The notes on the table's cells, each once, with the rows they concern.
    assert "aantal gecontracteerde partners, , beleidseffecten" in zichtbaar
    assert zichtbaar.count("drie voorbeelden zonder leestekens") == 1
    assert "Datakwaliteit (College en Raad)." in zichtbaar
    assert "Datakwaliteit (Inwoners). Ter informatie: proces en bronnen niet ingevuld" in zichtbaar

    # Per level, a link where this viewer may open it, and no link where not.
    lijst = pagina[pagina.index("De niveaus in deze toepassing") :]
    for naam, url_naam in LEVEL_PAGINAS.items():
        link = f'<a class="utrecht-link" href="{reverse(url_naam)}">{naam}</a>'
        assert (link in lijst) is (naam in OPEN[rol]), (rol, naam)
    for naam in OPEN[rol]:
        assert _client(demo, rol).get(reverse(LEVEL_PAGINAS[naam])).status_code == 200, (rol, naam)


def test_the_page_reads_a_fixed_number_of_queries(programma, demo):
    client = _client(demo, "manager")
    client.get(ADRES)  # warm the per-process caches (content types)
    with CaptureQueriesContext(connection) as voor:
        client.get(ADRES)
    for niveau in Informatieniveau.objects.all():
        for nummer in range(3):
            Datakwaliteitsnotitie.objects.create(
                onderwerp=niveau,
                sleutel=f"proef-{niveau.sleutel}-{nummer}",
                betreft=f"proef {niveau.sleutel} {nummer}",
                citaat="Proef.",
                bron="Uitvoeringsplan 2023, §5.3",
                toelichting="Proef.",
                ernst="informatie",
            )
    with CaptureQueriesContext(connection) as na:
        pagina = client.get(ADRES).content.decode()
    assert "proef inwoners 2" in pagina
    # session, user and permissions; the levels and their notes; the glossary for its one linked term; the
    # footer (freshness, the plan's document): the same with fifteen more notes.
    assert len(na) == len(voor) <= 12, "\n".join(q["sql"][:150] for q in na)
