"""Parser unit tests: every Dutch notation the sources and spreadsheets use, and every error."""

from decimal import Decimal

import pytest

from kern.notatie import OngeldigePeriode, OngeldigGetal, Periode, format_getal, parse_getal, parse_meervoudig


@pytest.mark.parametrize(
    ("tekst", "waarde", "procent", "bedrag"),
    [
        ("47,3%", "47.3", True, False),
        ("1.605", "1605", False, False),
        ("6,6", "6.6", False, False),
        ("€ 1.506", "1506", False, True),
        ("€ 1,2 miljoen", "1200000", False, True),
        ("€ - 50.000", "-50000", False, True),
        ("€ 3.237.400", "3237400", False, True),
        ("2,80%", "2.80", True, False),
        ("-0,033", "-0.033", False, False),
        ("143", "143", False, False),
        ("\u00a047,3 %", "47.3", True, False),
    ],
)
def test_dutch_notation_is_parsed_to_an_exact_decimal(tekst, waarde, procent, bedrag):
    getal = parse_getal(tekst)
    assert getal.waarde == Decimal(waarde)
    assert (getal.is_percentage, getal.is_bedrag) == (procent, bedrag)


@pytest.mark.parametrize("tekst", ["", None, "n.v.t.", "N.V.T.", "-", "–", "nvt", "  "])
def test_no_value_notations_give_none(tekst):
    assert parse_getal(tekst) is None


def test_spreadsheet_numbers_are_taken_as_they_are():
    assert parse_getal(47.3).waarde == Decimal("47.3")
    assert parse_getal(1605).waarde == Decimal(1605)


@pytest.mark.parametrize(
    "tekst", ["veertig", "47,3,1", "1.60", "202300,0%x", "12.34.5", "€", "1,2,3 miljoen"]
)
def test_unparseable_numbers_raise_with_a_dutch_reason(tekst):
    with pytest.raises(OngeldigGetal, match="geen getal"):
        parse_getal(tekst)


def test_a_cell_with_several_values_and_years_gives_one_value_per_year():
    assert [(j, g.waarde) for j, g in parse_meervoudig("43,2% (2019) 45,5% (2021) 47,3% (2022)")] == [
        (2019, Decimal("43.2")),
        (2021, Decimal("45.5")),
        (2022, Decimal("47.3")),
    ]
    assert parse_meervoudig("47,3%") == []


@pytest.mark.parametrize(
    ("tekst", "periode", "begin"),
    [
        ("2023", "2023", "2023-01-01"),
        ("2023-Q2", "2023-Q2", "2023-04-01"),
        ("2023q4", "2023-Q4", "2023-10-01"),
        ("2023-05", "2023-05", "2023-05-01"),
        ("2023.0", "2023", "2023-01-01"),
        (2021, "2021", "2021-01-01"),
    ],
)
def test_periods_are_years_quarters_or_months(tekst, periode, begin):
    resultaat = Periode.parse(tekst)
    assert (resultaat.tekst, resultaat.begin.isoformat()) == (periode, begin)


@pytest.mark.parametrize("tekst", ["23", "2023-Q5", "2023-13", "mei 2023", "vorige maand"])
def test_invalid_periods_raise_with_a_dutch_reason(tekst):
    with pytest.raises(OngeldigePeriode, match="geen periode"):
        Periode.parse(tekst)


def test_an_empty_period_is_refused_as_missing():
    with pytest.raises(OngeldigePeriode, match="De periode ontbreekt"):
        Periode.parse("")


@pytest.mark.parametrize(
    ("waarde", "eenheid", "tekst"),
    [
        ("47.3000", "percentage", "47,3%"),
        ("1605", "aantal", "1.605"),
        ("1506000.00", "bedrag", "€\u00a01.506.000"),
        ("-0.0330", "", "-0,033"),
        ("6.6", "rapportcijfer", "6,6"),
    ],
)
def test_figures_are_shown_in_dutch_notation(waarde, eenheid, tekst):
    assert format_getal(Decimal(waarde), eenheid) == tekst


@pytest.mark.parametrize(
    ("tekst", "decimalen"),
    [("15,0%", 1), ("47,3%", 1), ("1.605", 0), ("2,80%", 2), ("€ 1.506", 0), ("€ 1,2 miljoen", None)],
)
def test_a_parsed_figure_remembers_the_decimals_it_was_written_with(tekst, decimalen):
    assert parse_getal(tekst).decimalen == decimalen


@pytest.mark.parametrize(
    ("waarde", "eenheid", "decimalen", "tekst"),
    [
        ("15", "percentage", 1, "15,0%"),
        ("15", "percentage", None, "15%"),
        ("47.35", "percentage", 1, "47,4%"),
        ("1506000", "bedrag", 2, "€\u00a01.506.000,00"),
        ("1605", "aantal", 0, "1.605"),
    ],
)
def test_a_figure_keeps_the_precision_its_source_wrote(waarde, eenheid, decimalen, tekst):
    assert format_getal(Decimal(waarde), eenheid, decimalen) == tekst


def test_the_euro_sign_never_wraps_from_its_amount():
    assert " " not in format_getal(Decimal("1114000"), "bedrag")
