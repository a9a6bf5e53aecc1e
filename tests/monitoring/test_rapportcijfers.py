"""
§6.2.6's report marks (issue 24, a known trap of the sources): the plan prints the first indicator's baseline and
targets as report marks (6,5 in 2018; 6,6–6,9), the Jaarstukken 2023 the same subject as percentages (65%, 73%,
77%). Both are shown as printed, as two series, and never compared: a mark is no percentage. The figures themselves
are checked against the seed in tests/test_brongetrouwheid.py.
"""

import html
import re

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def _tekst(antwoord) -> str:
    assert antwoord.status_code == 200
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", antwoord.content.decode())).split())


def _pagina(client, code: str) -> str:
    return _tekst(client.get(reverse("monitoring:indicator_detail", kwargs={"code": code})))


def test_the_marks_show_as_marks_and_the_percentages_without_a_target(programma, demo, client):
    client.force_login(demo["manager"])
    cijfers = _pagina(client, "6.2.6.1-cijfer")
    for cijfer in ("6,5", "6,6", "6,7", "6,8", "6,9"):
        assert cijfer in cijfers and f"{cijfer}%" not in cijfers and f"{cijfer} %" not in cijfers
    assert "Rapportcijfer" in cijfers
    assert "nog geen realisatie gemeten" in cijfers  # the plan has no realised mark ("n.v.t.")
    procent = _pagina(client, "6.2.6.1")
    assert "77%" in procent and "er zijn geen streefwaarden vastgelegd" in procent
    for pagina in (cijfers, procent):
        assert "Op koers? Niet te bepalen" in pagina and "Niet op koers" not in pagina
        # The note on the shifted table on both, with the other series named.
        assert "rapportcijfers in het plan, percentages in de Jaarstukken 2023" in pagina
        assert "twee aparte reeksen" in pagina


def test_the_list_shows_both_series_apart_under_goal_6_2_6(programma, demo, client):
    client.force_login(demo["college"])
    lijst = _tekst(client.get(reverse("monitoring:indicator_list")))
    assert "6.2.6.1-cijfer Tevredenheid van gebruikers van re-integratievoorzieningen" in lijst
    assert lijst.index("6.2.6.1 Percentage gebruikers") < lijst.index("6.2.6.1-cijfer Tevredenheid")
