"""A figure is shown with the precision its source or spreadsheet cell wrote (15,0% stays 15,0%)."""

from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

import pytest

from monitoring.importbestand import getal_cel, lees_getalformaat
from monitoring.models import Meting
from monitoring.weergave import waarde_tekst


@pytest.mark.parametrize(
    ("formaat", "procent", "decimalen", "duizendtallen"),
    [
        ("General", False, None, False),
        ("0%", True, 0, False),
        ("0.0%", True, 1, False),
        ("#,##0", False, 0, True),
        ("#,##0.00", False, 2, True),
        ("0.##", False, None, False),
        ('"€" #,##0', False, 0, True),
        ("0.00%;[Red]-0.00%", True, 2, False),
    ],
)
def test_excel_number_formats_are_read(formaat, procent, decimalen, duizendtallen):
    opmaak = lees_getalformaat(formaat)
    assert (opmaak.is_percentage, opmaak.decimalen, opmaak.duizendtallen) == (
        procent,
        decimalen,
        duizendtallen,
    )


@pytest.mark.parametrize(
    ("waarde", "formaat", "tekst", "getal"),
    [
        (0.473, "0.0%", "47,3%", "47.3"),
        (2023, "0.0%", "202300,0%", "202300"),
        (1605, "#,##0", "1.605", "1605"),
        (1506000, '"€" #,##0', "€ 1.506.000", "1506000"),
        (47.3, "General", "47,3", "47.3"),
    ],
)
def test_a_number_cell_is_what_excel_shows(waarde, formaat, tekst, getal):
    cel = getal_cel(waarde, formaat)
    assert (cel.tekst, cel.getal.waarde) == (tekst, Decimal(getal))


def test_waarde_tekst_keeps_decimals_and_still_hides_small_counts():
    anoniem = AnonymousUser()
    assert waarde_tekst(Decimal("15"), "percentage", anoniem, decimalen=1) == "15,0%"
    assert waarde_tekst(Decimal("15"), "percentage", anoniem) == "15%"
    assert waarde_tekst(Decimal("4"), "aantal", anoniem, decimalen=1) == "< 10"


@pytest.mark.django_db
def test_the_meting_filter_passes_the_metings_own_decimals(monitoring):
    meting = Meting.objects.filter(indicator__eenheid="percentage").first()
    meting.waarde, meting.decimalen = Decimal("15"), 1
    sjabloon = Template("{% load monitoring %}{{ m|meting_waarde:user }}")
    assert sjabloon.render(Context({"m": meting, "user": AnonymousUser()})) == "15,0%"
    meting.decimalen = None
    assert sjabloon.render(Context({"m": meting, "user": AnonymousUser()})) == "15%"


@pytest.mark.django_db
def test_a_meting_with_a_wrongly_written_period_is_refused_in_dutch_next_to_the_field(monitoring):
    from django.core.exceptions import ValidationError

    meting = Meting.objects.first()
    meting.pk, meting.periode = None, "Q2 2025"  # the order reversed
    with pytest.raises(ValidationError) as fout:
        meting.full_clean()
    assert "geen periode" in fout.value.message_dict["periode"][0]
