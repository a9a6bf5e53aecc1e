import re
from decimal import Decimal

import pytest

from bronnen.laden import Verslag
from bronnen.models import Datakwaliteitsnotitie
from kern.notatie import parse_getal
from monitoring.constants import Domein, FinancienSoort
from monitoring.laden import laad_monitoring
from monitoring.models import Bedrag, Kerncijfer, Piramidestand, Scenario, Scenariototaal
from tests.seeds import JAARSTUKKEN_2023, SCENARIOS, tekst


def _euro(cel: str) -> Decimal:
    return parse_getal(cel).waarde


@pytest.mark.django_db
def test_loading_monitoring_twice_changes_nothing_and_writes_no_history(monitoring):
    historie = Bedrag.history.count() + Kerncijfer.history.count() + Piramidestand.history.count()
    tweede = Verslag()
    laad_monitoring(tweede)
    assert tweede.ongewijzigd
    assert Bedrag.history.count() + Kerncijfer.history.count() + Piramidestand.history.count() == historie


@pytest.mark.django_db
def test_realised_savings_and_budget_match_the_jaarstukken_text(monitoring):
    bron = " ".join(tekst(JAARSTUKKEN_2023).split())
    match = re.search(
        r"voor W&I (€ [\d.]+) in 2023 oplopend naar (€ [\d.]+) structureel en voor Wmo (€ [\d.]+) in 2023 "
        r"oplopend naar (€ [\d,]+ miljoen) structureel",
        bron,
    )
    wi_2023, wi_structureel, wmo_2023, wmo_structureel = (_euro(m) for m in match.groups())
    gerealiseerd = Bedrag.objects.filter(soort=FinancienSoort.BESPARING_GEREALISEERD)
    assert gerealiseerd.get(domein=Domein.WERK_INKOMEN, jaar=2023).bedrag == wi_2023
    assert gerealiseerd.get(domein=Domein.WERK_INKOMEN, jaar=None).bedrag == wi_structureel
    assert gerealiseerd.get(domein=Domein.WMO, jaar=2023).bedrag == wmo_2023
    assert gerealiseerd.get(domein=Domein.WMO, jaar=None).bedrag == wmo_structureel == Decimal("1100000")
    niet_behaald = re.search(r"niet behaald \(per saldo (€ [\d.]+)\)", bron)[1]
    assert Bedrag.objects.get(
        soort=FinancienSoort.BESPARING_NIET_BEHAALD, domein=Domein.JEUGD
    ).bedrag == _euro(niet_behaald)
    budget = re.search(r"beschikbaar was voor 2023 \((€ [\d,]+ miljoen)\) is volledig besteed", bron)[1]
    assert Bedrag.objects.get(soort=FinancienSoort.TRANSFORMATIEBUDGET, jaar=2023).bedrag == _euro(budget)
    assert Bedrag.objects.get(soort=FinancienSoort.BUDGET_BESTEED, jaar=2023).bedrag == _euro(budget)


def _doorrekeningen() -> dict[tuple[int, str], dict[int, Decimal]]:
    """Every 'Doorrekening' table of 003, read from the source text: (scenario, domain) → year → amount."""
    regels = tekst(SCENARIOS).splitlines()
    tabellen: dict[tuple[int, str], dict[int, Decimal]] = {}
    scenario, domein = 0, ""
    for regel in regels:
        if kop := re.match(r"^Doorrekening Scenario (\d)", regel):
            scenario = int(kop[1])
        cellen = [c.strip() for c in regel.split("\t")]
        if len(cellen) == 4 and re.fullmatch(r"20\d\d", cellen[2]) and scenario:
            if cellen[0]:
                domein = cellen[0]
            tabellen.setdefault((scenario, domein), {})[int(cellen[2])] = _euro(cellen[3])
    return tabellen


DOMEINEN = {"Jeugd": Domein.JEUGD, "Wmo": Domein.WMO, "W&I": Domein.WERK_INKOMEN}


@pytest.mark.django_db
def test_scenario_savings_per_domain_match_every_doorrekening_table_of_003(monitoring):
    tabellen = _doorrekeningen()
    assert len([k for k in tabellen if k[1] in DOMEINEN]) == 9  # 3 scenarios × 3 domains
    for (nummer, domein), per_jaar in tabellen.items():
        if domein not in DOMEINEN:
            continue
        for jaar, bedrag in per_jaar.items():
            opgeslagen = Bedrag.objects.get(
                soort=FinancienSoort.SCENARIO, scenario__nummer=nummer, domein=DOMEINEN[domein], jaar=jaar
            )
            assert opgeslagen.bedrag == bedrag, (nummer, domein, jaar)


@pytest.mark.django_db
def test_every_scenario_total_that_differs_from_its_domains_has_a_data_quality_note(monitoring):
    tabellen = _doorrekeningen()
    verschillen = set()
    for (nummer, domein), per_jaar in tabellen.items():
        if not domein.startswith("Totaal"):
            continue
        for jaar, totaal in per_jaar.items():
            som = sum(tabellen[(nummer, d)][jaar] for d in DOMEINEN)
            if som != totaal:
                verschillen.add(f"scenario-{nummer}-totaal-{jaar}")
    assert verschillen  # the source really has such differences (rounding)
    notities = set(
        Datakwaliteitsnotitie.objects.filter(sleutel__in=verschillen).values_list("sleutel", flat=True)
    )
    assert notities == verschillen


@pytest.mark.django_db
def test_scenario_overview_in_thousands_matches_the_stated_totals(monitoring):
    """'Scenario's op een rij' is in thousands of euros: € 1.506 means € 1.506.000."""
    tabellen = _doorrekeningen()
    overzicht = re.findall(r"^Scenario (\d)\t€?\t(.+)$", tekst(SCENARIOS), flags=re.M)
    assert len(overzicht) == 3
    for nummer, cellen in overzicht:
        bedragen = [_euro(c) * 1000 for c in cellen.split("\t")]
        totalen = tabellen[(int(nummer), f"Totaal Scenario {nummer}")]
        assert bedragen == [totalen[jaar] for jaar in (2023, 2024, 2025, 2026)]
    assert Scenario.objects.count() == 3


@pytest.mark.django_db
def test_piramide_and_maatwerk_use_match_the_factsheet(monitoring):
    bron = " ".join(tekst(JAARSTUKKEN_2023).split())
    maatwerk, sociale_basis = re.search(
        r"hebben ([\d.]+) cliënten een maatwerk indicatie en ([\d.]+) cliënten een sociale basis", bron
    ).groups()
    standen = {s.modellaag.code: s.aantal_clienten for s in Piramidestand.objects.select_related("modellaag")}
    assert standen == {
        "maatwerkondersteuning": int(parse_getal(maatwerk).waarde),
        "sociale-basis": int(parse_getal(sociale_basis).waarde),
    }
    for label, sleutel in (
        (r"Wmo Aantal cliënten", "maatwerk-wmo-2023"),
        (r"Jeugd Aantal cliënten", "maatwerk-jeugd-2023"),
        (r"bijstandsuitkeringen Aantal huishoudens", "bijstand-huishoudens-2023"),
    ):
        waarde = re.search(label + r" ([\d.]+)", bron)[1]
        assert Kerncijfer.objects.get(sleutel=sleutel).waarde == parse_getal(waarde).waarde
    inwoners = re.search(r"Aantal inwoners Hengelo: \*\*([\d.]+)\*\*", bron)[1]
    assert Kerncijfer.objects.get(sleutel="inwoners-2023").waarde == parse_getal(inwoners).waarde
    lks = re.search(r"In 2023 werd (€ [\d.]+) uitgegeven aan LKS", bron)[1]
    assert Kerncijfer.objects.get(sleutel="lks-uitgaven-2023").waarde == _euro(lks)


@pytest.mark.django_db
def test_factsheet_percentages_match_the_source_rows(monitoring):
    regels = tekst(JAARSTUKKEN_2023).splitlines()
    leeftijd = regels[regels.index("0-15\t15-25\t25-45\t45-65\t65+") + 1].split("\t")
    opgeslagen = [
        Kerncijfer.objects.get(sleutel=s).waarde
        for s in ("leeftijd-0-15", "leeftijd-15-25", "leeftijd-25-45", "leeftijd-45-65", "leeftijd-65-plus")
    ]
    assert opgeslagen == [parse_getal(c).waarde for c in leeftijd]
    # They add up to 101%: kept as the source says, with a note.
    assert sum(opgeslagen) == 101
    assert Datakwaliteitsnotitie.objects.filter(sleutel="factsheet-leeftijd-som-101").exists()


@pytest.mark.django_db
def test_scenario_totals_are_stored_as_printed_in_both_tables_with_their_unit_and_flag(monitoring):
    """Every printed total is kept as printed; one that differs from the sum of its domains is flagged."""
    tabellen = _doorrekeningen()
    overzicht = dict(re.findall(r"^Scenario (\d)\t€?\t(.+)$", tekst(SCENARIOS), flags=re.M))
    assert len(overzicht) == 3
    afwijkend = set()
    for nummer in (1, 2, 3):
        som = {jaar: sum(tabellen[(nummer, d)][jaar] for d in DOMEINEN) for jaar in (2023, 2024, 2025, 2026)}
        gedrukt = tabellen[(nummer, f"Totaal Scenario {nummer}")]
        cellen_op_een_rij = overzicht[str(nummer)].split("\t")
        for jaar, cel in zip((2023, 2024, 2025, 2026), cellen_op_een_rij, strict=True):
            doorrekening = Scenariototaal.objects.get(
                scenario__nummer=nummer, tabel="doorrekening", jaar=jaar
            )
            assert (doorrekening.bedrag, doorrekening.eenheid) == (gedrukt[jaar], "euro")
            rij = Scenariototaal.objects.get(scenario__nummer=nummer, tabel="op_een_rij", jaar=jaar)
            # "Scenario's op een rij" prints thousands of euros: the unit is stored, the figure as printed.
            assert (rij.cel, rij.bedrag, rij.eenheid) == (cel.strip(), _euro(cel), "duizend_euro")
            assert rij.bedrag_in_euro == gedrukt[jaar]
            for totaal in (doorrekening, rij):
                assert totaal.som_van_de_domeinen == som[jaar]
                assert totaal.wijkt_af == (gedrukt[jaar] != som[jaar])
            if doorrekening.wijkt_af:
                afwijkend.add(f"scenario-{nummer}-totaal-{jaar}")
    assert afwijkend == {
        "scenario-1-totaal-2023",
        "scenario-2-totaal-2025",
        "scenario-2-totaal-2026",
        "scenario-3-totaal-2025",
        "scenario-3-totaal-2026",
    }
    # The overview's unit is not printed: a note on each of the three scenarios says how it was read.
    for scenario in Scenario.objects.all():
        assert scenario.datakwaliteit.filter(betreft__contains="eenheid").exists()


@pytest.mark.django_db
def test_the_financien_page_shows_printed_totals_beside_the_sum_of_the_domains(monitoring, client, gebruiker):
    client.force_login(gebruiker("manager"))
    # Amounts never wrap after the € (a non-breaking space); compare as a reader sees them.
    html = client.get("/monitoring/financien/").content.decode().replace("\u00a0", " ")
    assert "€ 1.506.000" in html and ">€ 1.506 <" in html  # both printed totals of scenario 1, 2023
    assert "som van de domeinen: € 1.505.000" in html
    assert "duizenden euro" in html
    # A note hanging on all three scenarios is shown once.
    assert html.count("eenheid van &#x27;Scenario&#x27;s op een rij&#x27;") == 1
