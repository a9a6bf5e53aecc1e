"""The edition's view-model (rapportage/weergave/): built once from the snapshot, it holds the rows and the Dutch
texts the page, the PDF, the CSV and the XLSX show; the templates and the template-tag library compute nothing."""

import ast
import re
from copy import deepcopy
from html import unescape
from pathlib import Path

from django.urls import reverse

import pytest

from rapportage import export_csv
from rapportage.models import Rapportage
from rapportage.weergave import Editieweergave, editie_weergave
from rapportage.weergave.financien import besparingen_per_jaar
from rapportage.weergave.monitoring import koers_tekst, volgende_streefwaarde
from rapportage.weergave.sociaal_domein import piramide_rijen
from rapportage.weergave.tekst import NIET_GETOOND, cijfer_tekst, datum_tekst, kans_maal_impact

ROOT = Path(__file__).resolve().parents[2]
NIET_DOORZOEKEN = {"node_modules", "static", "media"}  # and hidden folders: .venv, .git, caches
BIBLIOTHEEK = ROOT / "rapportage" / "templatetags" / "rapportage.py"
EDITIESJABLONEN = [
    ROOT / "templates" / "rapportage" / "editie_inhoud.html",
    *sorted((ROOT / "templates" / "rapportage" / "secties").glob("*.html")),
    # The partials the sections include (formerly secties/_*.html).
    *(
        ROOT / "templates" / "rapportage" / "partials" / naam
        for naam in ("grafiek.html", "indicatoren.html", "notities.html")
    ),
]


def _tekst(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def _rij(html: str, kop: str) -> str:
    """The text of the table row whose row header starts with `kop`."""
    for rij in re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.S):
        if re.search(rf'scope="row">{re.escape(kop)}', rij):
            return _tekst(rij)
    raise AssertionError(kop)


def _pagina(client, gebruiker, rapportage) -> str:
    client.force_login(gebruiker)
    antwoord = client.get(reverse("rapportage:editie", args=[rapportage.pk]))
    assert antwoord.status_code == 200
    assert isinstance(antwoord.context["weergave"], Editieweergave)
    return antwoord.content.decode()


@pytest.fixture
def editie(maak_editie, pdf_als_stempel):
    return maak_editie(publiceren=True)


# --- what the page shows -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_indicator_row_holds_the_texts_the_page_prints(editie, client, demo):
    """Mantelzorg (6.1.1.1) in the plan: peil 47,3% (2022), realised 45,5% in 2021, target 45,0% for 2022."""
    weergave = editie_weergave(editie, demo["raad"])
    (rij,) = [r for r in weergave.monitoring.kern.rijen if r.gegevens["code"] == "6.1.1.1"]
    assert rij.kop.startswith("6.1.1.1 Percentage Hengelse volwassenen (18+) dat aangeeft mantelzorg")
    assert (rij.peilwaarde, rij.realisatie, rij.streefwaarde, rij.volgende) == (
        "47,3% (2022)",
        "45,5% (2021)",
        "geen voor 2021",
        "45,0% (2022)",
    )
    assert rij.afstand == "al gehaald: 0,5 procentpunt erboven"
    assert rij.richting == "hoger is beter"
    assert rij.koers == "Niet te bepalen: geen streefwaarde voor 2021; volgende streefwaarde 2022: 45,0%"
    assert rij.trend_tekst == "één meting (2021), nog geen trend"

    pagina = _rij(_pagina(client, demo["raad"], editie), "6.1.1.1")
    for tekst in (rij.peilwaarde, rij.realisatie, rij.streefwaarde, rij.volgende, rij.afstand, rij.koers):
        assert tekst in pagina


@pytest.mark.django_db
def test_the_other_sections_hold_the_rows_the_page_prints(editie, client, demo):
    weergave = editie_weergave(editie, demo["raad"])
    html = _pagina(client, demo["raad"], editie)

    (jaar_2023,) = [r for r in weergave.financien.per_jaar if r.jaar == 2023]
    assert (jaar_2023.gepland_tekst, jaar_2023.gerealiseerd_tekst) == ("niet bekend", "€\u00a01.269.000")
    assert _rij(html, "2023") == "2023 niet bekend € 1.269.000"
    assert [g.label for g in weergave.financien.budgetgroepen] == [
        "Transformatiebudget",
        "Structurele investeringen",
    ]

    (wmo,) = [
        k for g in weergave.sociaal_domein.groepen for k in g.kerncijfers if k.naam == "Wmo: aantal cliënten"
    ]
    assert (wmo.periode, wmo.waarde) == ("2023", "7.370")
    assert _rij(html, "Wmo: aantal cliënten").startswith("Wmo: aantal cliënten 2023 7.370")
    (maatwerk,) = [r for r in weergave.sociaal_domein.piramide.rijen if r.laag == "Maatwerkondersteuning"]
    assert maatwerk.aantallen_tekst[0] == "6.750"

    assert [s.sleutel for s in weergave.secties][:2] == ["financien", "risicobeheersing"]
    assert weergave.secties[0].toelichting == "De besparingen lopen achter op Jeugd."
    assert weergave.monitoring.bronnen and all(b in _tekst(html) for b in weergave.monitoring.bronnen)
    assert len(weergave.voortgang.actielijnen) == len(editie.inhoud["voortgang"]["actielijnen"])
    for lijn in weergave.voortgang.actielijnen:
        assert lijn.kop in _tekst(html)


@pytest.mark.django_db
def test_the_files_read_the_same_rows_as_the_page(editie):
    weergave = editie_weergave(editie)
    (tabel,) = [t for t in weergave.tabellen if t.sleutel == "indicatoren"]
    rijen = {r[0]: r for r in tabel.rijen}
    for rij in weergave.monitoring.kern.rijen:
        csv_rij = rijen[rij.gegevens["code"]]
        assert csv_rij[13] == rij.afstand and csv_rij[16:18] == [rij.trend_tekst, rij.koers]
    csv = export_csv.csv_maken(editie, "indicatoren").decode("utf-8-sig")
    assert "Niet te bepalen: geen streefwaarde voor 2021; volgende streefwaarde 2022: 45,0%" in csv
    assert [t.sleutel for t in weergave.tabellen] == list(export_csv.TABELLEN)


@pytest.mark.django_db
def test_small_counts_of_people_are_hidden_for_whoever_may_not_see_them(editie, client, demo):
    inhoud = deepcopy(editie.inhoud)
    kerncijfer = inhoud["sociaal_domein"]["kerncijfers"][0]
    kerncijfer.update(waarde="4.0000", telt_personen=True)
    Rapportage.objects.filter(pk=editie.pk).update(inhoud=inhoud)  # as a snapshot could hold; save() refuses
    editie.refresh_from_db()

    def waarde(user):
        return editie_weergave(editie, user).sociaal_domein.kerncijfers[0].waarde

    assert waarde(demo["raad"]) == waarde(None) == "< 10"
    assert waarde(demo["manager"]) == "4"
    naam, periode = kerncijfer["naam"], kerncijfer["periode"]
    assert _rij(_pagina(client, demo["raad"], editie), naam).startswith(f"{naam} {periode} < 10 ")
    assert _rij(_pagina(client, demo["manager"], editie), naam).startswith(f"{naam} {periode} 4 ")
    assert f";{periode};< 10;" in export_csv.csv_maken(editie, "kerncijfers").decode("utf-8-sig")


# --- pure functions over the snapshot ----------------------------------------------------------------------


def test_the_next_target_of_an_older_snapshot_is_read_from_its_targets():
    indicator = {
        "eenheid": "percentage",
        "richting": "hoger_is_beter",
        "realisatie": {"periode": "2021", "waarde": "45.5", "decimalen": 1},
        "streefwaarde": None,
        "streefwaarden": [
            {"periode": "2021", "waarde": "44.0", "decimalen": 1},
            {"periode": "2022", "waarde": "45.0", "decimalen": 1},
        ],
    }
    assert volgende_streefwaarde(indicator)["periode"] == "2022"
    assert koers_tekst(indicator) == (
        "Niet te bepalen: geen streefwaarde voor 2021; volgende streefwaarde 2022: 45,0%"
    )
    assert koers_tekst({**indicator, "op_koers": True}) == "Op koers"


def test_the_pyramid_lists_its_top_layer_first_and_savings_sum_over_the_domains():
    piramide = {
        "perioden": ["2022", "2023"],
        "lagen": [{"naam": "Basis", "volgorde": 1}, {"naam": "Maatwerk", "volgorde": 2}],
        "standen": [{"periode": "2023", "laag": "Basis", "aantal": 12}],
    }
    assert piramide_rijen(piramide) == [
        {"laag": "Maatwerk", "aantallen": [None, None]},
        {"laag": "Basis", "aantallen": [None, 12]},
    ]
    financien = {
        "jaren": [2023],
        "rijen": [
            {"jaar": 2023, "taakstelling": "100.00"},
            {"jaar": 2023, "taakstelling": "50.00"},
            {"jaar": None, "taakstelling": "7.00"},
        ],
        "gerealiseerd_totaal": {"2023": "90.00"},
    }
    assert besparingen_per_jaar(financien) == [{"jaar": 2023, "gepland": "150.00", "gerealiseerd": "90.00"}]


def test_single_values_read_in_dutch():
    assert cijfer_tekst("1114000.00", "bedrag") == "€\u00a01.114.000"
    assert cijfer_tekst(None) == "–"
    assert cijfer_tekst("4", "aantal") == "< 10"  # the anonymous reader's rules without a user
    assert datum_tekst("2024-04-30") == "30 april 2024"
    assert kans_maal_impact({"kans": 3, "impact": 4, "score": None}) == "3 × 4 = 12"
    assert kans_maal_impact({"kans": None, "impact": 4}) == "niet beoordeeld"
    assert NIET_GETOOND == "niet getoond (kleine aantallen)"


# --- the structure: views and templates stop computing -----------------------------------------------------


def _geimporteerd(pad: Path) -> set[str]:
    """Every module `pad` imports, relative imports resolved, wherever the import stands (also in a function)."""
    pakket = pad.relative_to(ROOT).parent.parts
    namen = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            namen.update(alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom):
            basis = list(pakket[: len(pakket) - knoop.level + 1]) if knoop.level else []
            module = ".".join([*basis, *([knoop.module] if knoop.module else [])])
            namen.add(module)
            namen.update(f"{module}.{alias.name}" for alias in knoop.names)
    return namen


def test_nothing_outside_the_library_imports_the_template_tags():
    mappen = [
        m
        for m in ROOT.iterdir()
        if m.is_dir() and m.name not in NIET_DOORZOEKEN and not m.name.startswith(".")
    ]
    bestanden = [
        *ROOT.glob("*.py"),
        *(p for m in mappen for p in m.rglob("*.py") if "migrations" not in p.parts),
    ]
    fout = [
        f"{pad.relative_to(ROOT)}: {naam}"
        for pad in bestanden
        if pad.relative_to(ROOT).parts[:2] != ("rapportage", "templatetags")
        for naam in sorted(_geimporteerd(pad))
        if naam.startswith("rapportage.templatetags")
    ]
    assert not fout


def test_the_template_tag_library_formats_single_values_only():
    """No loop, no comprehension: whatever iterates over rows is the view-model's."""
    boom = ast.parse(BIBLIOTHEEK.read_text(encoding="utf-8"))
    lussen = (ast.For, ast.AsyncFor, ast.While, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
    gevonden = [f"{type(k).__name__} op regel {k.lineno}" for k in ast.walk(boom) if isinstance(k, lussen)]
    assert not gevonden, f"{BIBLIOTHEEK.relative_to(ROOT)} loopt over rijen: {gevonden}"


def test_the_editions_templates_print_the_view_model_and_load_no_filters():
    """The section templates read `weergave` and use Django's own filters for layout only.

    The libraries they may load are components that compute nothing about the data: `tabel`
    (kern/templatetags/tabel.py, issue 23), the outer markup of a table, and `herkomst`
    (kern/templatetags/herkomst.py, issue 24), the demo's mark beside a row the view-model says is a voorbeeld."""
    for sjabloon in EDITIESJABLONEN:
        tekst = sjabloon.read_text(encoding="utf-8")
        geladen = re.findall(r"{%\s*load\s+(.*?)\s*%}", tekst)
        assert all(set(lijst.split()) <= {"tabel", "herkomst"} for lijst in geladen), sjabloon.name
        assert not re.search(r"\binhoud\.", tekst), sjabloon.name
