"""The SVG charts of an edition, drawn from a snapshot: valid XML, accessible, figures as text, texts escaped."""

import xml.etree.ElementTree as ET

import pytest

from rapportage.weergave import grafieken

SVG = "{http://www.w3.org/2000/svg}"


def _inhoud(**wijzigingen) -> dict:
    """A small snapshot in the layout of rapportage/momentopname.py."""
    inhoud = {
        "voortgang": {
            "actielijnen": [
                {
                    "nummer": 1,
                    "naam": "Sociale basis",
                    "aantal": 6,
                    "groen": 2,
                    "oranje": 1,
                    "rood": 1,
                    "onbekend": 2,
                },
                {"nummer": 2, "naam": "Basisondersteuning", "aantal": 12, "groen": 0, "oranje": 0, "rood": 0}
                | {"onbekend": 12},
            ],
        },
        "financien": {
            "jaren": [2023, 2024],
            "rijen": [
                {"domein": "jeugd", "jaar": 2023, "taakstelling": "1114000.00", "gerealiseerd": "840000.00"},
                {"domein": "wmo", "jaar": 2023, "taakstelling": None, "gerealiseerd": None},
                {"domein": "wmo", "jaar": None, "taakstelling": "500000.00", "gerealiseerd": None},
            ],
            "gerealiseerd_totaal": {"2023": "1269000.00"},
        },
        "sociaal_domein": {
            "piramide": {
                "perioden": ["2023", "2024"],
                "lagen": [
                    {"naam": "Sociale basis", "volgorde": 1},
                    {"naam": "Basisondersteuning", "volgorde": 2},
                    {"naam": "Maatwerkondersteuning", "volgorde": 3},
                ],
                "standen": [
                    {"periode": "2023", "laag": "Maatwerkondersteuning", "aantal": 6750},
                    {"periode": "2023", "laag": "Basisondersteuning", "aantal": None},
                    {"periode": "2023", "laag": "Sociale basis", "aantal": 2880},
                    {"periode": "2024", "laag": "Maatwerkondersteuning", "aantal": 6100},
                    {"periode": "2024", "laag": "Basisondersteuning", "aantal": 7},
                    {"periode": "2024", "laag": "Sociale basis", "aantal": 3300},
                ],
            }
        },
    }
    inhoud.update(wijzigingen)
    return inhoud


def _teksten(svg) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(str(svg)).iter(f"{SVG}text")]


@pytest.fixture(scope="module")
def alle():
    return grafieken.voor(_inhoud())


def test_every_chart_is_xml_with_role_img_and_a_title_and_description(alle):
    assert set(alle) == {"voortgang", "besparingen", "piramide"}
    for naam, svg in alle.items():
        wortel = ET.fromstring(str(svg))
        assert wortel.tag == f"{SVG}svg" and wortel.get("role") == "img", naam
        ids = {e.get("id"): e for e in wortel.iter() if e.get("id")}
        titel_id, beschrijving_id = wortel.get("aria-labelledby").split()
        assert ids[titel_id].tag == f"{SVG}title" and ids[titel_id].text
        assert ids[beschrijving_id].tag == f"{SVG}desc" and ids[beschrijving_id].text
        assert "<script" not in str(svg) and "style=" not in str(svg)


def test_voortgang_chart_labels_each_actielijn_and_its_counts(alle):
    teksten = _teksten(alle["voortgang"])
    assert {"Actielijn 1", "Actielijn 2", "6 activiteiten", "12 activiteiten"} <= set(teksten)
    assert {"2", "1", "12"} <= set(teksten)  # the RAG counts stand in their bars
    assert {
        "Op koers (groen)",
        "Aandacht nodig (oranje)",
        "Bijsturing nodig (rood)",
        "Nog geen update",
    } <= set(teksten)


def test_voortgang_chart_tells_rag_statuses_apart_without_colour(alle):
    wortel = ET.fromstring(str(alle["voortgang"]))
    patronen = {p.get("id") for p in wortel.iter(f"{SVG}pattern")}
    assert len(patronen) == 3  # oranje, rood and onbekend hatched, cross-hatched and dotted; groen plain
    legenda = [r.get("fill") for r in wortel.findall(f"{SVG}rect")][:4]  # the swatches, not the patterns
    assert len(set(legenda)) == 4
    assert sum(f.startswith("url(#") for f in legenda) == 3


def test_besparingen_chart_shows_planned_and_realised_amounts_per_year(alle):
    teksten = _teksten(alle["besparingen"])
    assert {"2023", "2024"} <= set(teksten)
    assert (
        "€\u00a01.114.000" in teksten
    )  # planned 2023: the yearly rows' taakstelling, not the structural one
    assert "€\u00a01.269.000" in teksten  # realised 2023: the snapshot's own total
    assert teksten.count("niet bekend") == 2  # 2024: neither planned nor realised known


def test_piramide_chart_shows_counts_and_hides_small_ones(alle):
    teksten = _teksten(alle["piramide"])
    assert {"2023", "2024", "Maatwerkondersteuning", "Sociale basis", "6.750", "2.880", "6.100"} <= set(
        teksten
    )
    assert "< 10" in teksten and "7" not in teksten
    assert "niet bekend" in teksten  # Basisondersteuning 2023


def test_texts_from_the_snapshot_are_escaped():
    inhoud = _inhoud()
    inhoud["sociaal_domein"]["piramide"]["lagen"][0]["naam"] = 'Zorg & <script>alert("x")</script>'
    for stand in inhoud["sociaal_domein"]["piramide"]["standen"]:
        if stand["laag"] == "Sociale basis":
            stand["laag"] = 'Zorg & <script>alert("x")</script>'
    svg = grafieken.voor(inhoud)["piramide"]
    assert 'Zorg & <script>alert("x")</script>' in _teksten(svg)
    assert "<script>" not in str(svg)


def test_no_chart_without_its_figures():
    leeg = _inhoud(financien=None, voortgang={"actielijnen": []})
    for stand in leeg["sociaal_domein"]["piramide"]["standen"]:
        stand["aantal"] = None
    assert grafieken.voor(leeg) == {}
