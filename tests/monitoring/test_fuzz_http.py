"""
Hostile files through the real pages: 300 files from the fuzz strategies (tests/monitoring/fuzzbestanden.py) are
uploaded as the beheerder to the import page (preview, then commit when the page offers it) and 300 to the admin
import (preview, then confirm when offered). Never a 5xx, always a Dutch message, and a refused file changes
nothing. And hostile query strings to every list page and every admin changelist (below): never a 5xx.
"""

import os
import random
import re
import time
from urllib.parse import quote, unquote_plus

from django.contrib import admin
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import RequestFactory
from django.urls import reverse

import pytest
from hypothesis import HealthCheck, given, settings

from kern.taken import ONVERWACHTE_FOUT
from tests.achtergrondtaken import import_doorvoeren, import_proef
from tests.monitoring.fuzzbestanden import alle_bestanden
from tests.monitoring.test_fuzz_import import nederlands, vingerafdruk

HTTP = settings(
    max_examples=int(os.environ.get("FUZZ_HTTP", 300)),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def beheer_client(client, monitoring, beheerder, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(beheerder)
    return client


def _meldingen(antwoord) -> list[str]:
    return [str(m) for m in get_messages(antwoord.wsgi_request)]


@pytest.mark.django_db
@HTTP
@given(bestand=alle_bestanden)
def test_import_page_never_answers_5xx_and_always_in_dutch(beheer_client, bestand):
    naam, data = bestand
    voor = vingerafdruk()
    antwoord = import_proef(beheer_client, SimpleUploadedFile(naam, data))  # the check job never fails
    assert antwoord.status_code == 200
    resultaat = antwoord.context.get("resultaat")
    if resultaat is None:  # refused by the form (size, extension)
        fouten = antwoord.context["form"].errors.get("bestand")
        assert fouten
        for fout in fouten:
            nederlands(fout)
        return
    if resultaat.bestandsfout:
        nederlands(resultaat.bestandsfout)
        assert resultaat.bestandsfout in antwoord.content.decode().replace("&quot;", '"').replace(
            "&#x27;", "'"
        )
    assert vingerafdruk() == voor, "de voorvertoning schreef iets"
    if resultaat.bestandsfout:
        return
    # Commit as the page offers it: all valid, or explicitly only the valid values.
    antwoord = import_doorvoeren(
        beheer_client, **({"alleen_geldige": "on"} if resultaat.analyse.fouten else {})
    )
    assert antwoord.status_code == 200
    taak = antwoord.context["taak"]
    # Imported, or refused with the service's reason: never the job's "fout op de server" (the old 5xx).
    assert taak.melding and taak.melding != ONVERWACHTE_FOUT, taak.melding
    nederlands(taak.melding)


@pytest.mark.django_db
@HTTP
@given(bestand=alle_bestanden)
def test_admin_import_never_answers_5xx_and_always_in_dutch(beheer_client, bestand):
    naam, data = bestand
    voor = vingerafdruk()
    formaat = "0" if naam.lower().endswith(".csv") else None
    if formaat is None:  # find the .xlsx choice in the admin's format list
        keuzes = (
            beheer_client.get(reverse("admin:monitoring_meting_import"))
            .context["form"]
            .fields["format"]
            .choices
        )
        formaat = next(str(waarde) for waarde, label in keuzes if "xlsx" in str(label).lower())
    antwoord = beheer_client.post(
        reverse("admin:monitoring_meting_import"),
        {"import_file": SimpleUploadedFile(naam, data), "format": formaat, "resource": "0"},
    )
    assert antwoord.status_code < 500
    assert vingerafdruk() == voor, "de voorvertoning van de admin schreef iets"
    inhoud = antwoord.content.decode()
    resultaat = antwoord.context.get("result") if antwoord.context else None
    if resultaat is None:  # the file itself was refused: a form error
        form = antwoord.context["form"]
        fouten = [str(f) for lijst in form.errors.values() for f in lijst]
        assert fouten, "geen foutmelding bij een geweigerd bestand"
        for fout in fouten:
            nederlands(fout)
        return
    if resultaat.has_validation_errors() or resultaat.has_errors():
        for rij in resultaat.invalid_rows:
            for fouten in rij.error_dict.values():
                for fout in fouten:
                    nederlands(str(fout))
        for fout in resultaat.base_errors:
            nederlands(str(fout.error))
        assert "Traceback" not in inhoud
        return
    bevestig = antwoord.context["confirm_form"].initial
    antwoord = beheer_client.post(reverse("admin:monitoring_meting_process_import"), bevestig, follow=True)
    assert antwoord.status_code < 500
    for melding in _meldingen(antwoord) or [m.message for m in antwoord.context.get("messages", [])]:
        assert melding


# --- Hostile query strings (issue 30) ------------------------------------------------------------------------
#
# Every page without URL arguments (lists, overviews, forms) and every admin changelist, with the parameters it
# really reads: for a page, the fields of its GET forms and the keys of its own links; for an admin list, its
# filters' parameters (list_filter), `o` over every column (ordering), `q` (search_fields), `p` and the date
# hierarchy; plus keys nobody reads. The values are what a probe sends: NUL and other control characters (the
# Dutch 400 before any query), unknown orderings, huge and non-numeric numbers, quotes, unicode, broken UTF-8.
# Never a 5xx. Per page: two control-character cases, one ordering over every column (admin), one with every
# parameter at once and FUZZ_QUERY (default 2) × FUZZ_FACTOR single ones; the pick is seeded per page, so a
# failure repeats.

FUZZ_QUERY = max(1, round(int(os.environ.get("FUZZ_QUERY", 2)) * float(os.environ.get("FUZZ_FACTOR", 1))))

# Control characters: always refused with the 400 page (hengelo_sd/invoerbewaking.py).
STUURWAARDEN = ["\x00", "a\x00b", "\x1b[2J", "\x7f", "regel\nregel", "\x08"]
VIJANDIG = [
    "99999999999999999999999999",
    "-1",
    "0",
    "1e309",
    "NaN",
    "9" * 400,
    "abc",
    "",
    "'",
    '"',
    "' OR '1'='1' --",
    '"><script>alert(1)</script>',
    "%",
    "_",
    "\\",
    "é—😀",
    "\u202e\u200b",
    "１２",  # full-width digits: int() takes them, a database may not
    "٣",
    "2024-13-45",
    "null",
    "[]",
    "../../etc/passwd",
    "x" * 3000,
    "1.-2.99.x",  # as an ordering: unknown columns and a word
]
# Already percent-encoded: broken UTF-8 and an overlong NUL.
RUW = ["%ff%fe", "%C0%80", "%zz", "%"]
ONBEKENDE_SLEUTELS = ["bestaat_niet", "o'", "😀", "id__gt", "password__startswith", "_to_field"]
ALGEMENE_SLEUTELS = ["o", "p", "q", "pagina", "page", "all", "_facets", "activiteit", "editie", "jaar"]

GET_FORMULIER = re.compile(r'<form\b(?![^>]*method="post")[^>]*>(.*?)</form>', re.S | re.I)
VELDNAAM = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', re.I)
LINK = re.compile(r'href="\?([^"#]*)"')


def _sleutels_van_de_pagina(html: str) -> set[str]:
    """The parameters a page offers itself: its GET forms' fields and its own ?links' keys."""
    sleutels = {naam for form in GET_FORMULIER.findall(html) for naam in VELDNAAM.findall(form)}
    for query in LINK.findall(html):
        sleutels |= {deel.split("=", 1)[0] for deel in query.replace("&amp;", "&").split("&") if deel}
    return {unquote_plus(s) for s in sleutels} - {"csrfmiddlewaretoken"}


def _query(paren) -> str:
    """A raw query string: values from RUW stay as they are, everything else is percent-encoded."""
    return "&".join(f"{quote(k, safe='')}={v if v in RUW else quote(v, safe='')}" for k, v in paren)


def _gevallen(
    sleutel: str, sleutels: list[str], extra: list[list[tuple[str, str]]]
) -> list[tuple[list, bool]]:
    """(parameters, contains a control character) for one page: the fixed cases, then a seeded sample."""
    kans = random.Random(sleutel)
    waarden = VIJANDIG + RUW
    alle = sleutels + ONBEKENDE_SLEUTELS
    # Control characters cost nothing (refused before any view): one per kind of place.
    gevallen = [
        ([(kans.choice(sleutels), kans.choice(STUURWAARDEN))], True),
        ([(kans.choice(STUURWAARDEN), "1")], True),
    ]
    gevallen += [(paren, False) for paren in extra]
    # Everything at once, a hostile value for every parameter the page reads and some it does not.
    gevallen.append(([(s, kans.choice(waarden)) for s in alle], False))
    for _ in range(FUZZ_QUERY):
        gevallen.append(([(kans.choice(alle), kans.choice(waarden))], False))
    return gevallen


class _Terugdraaien(Exception):
    """Raised after every request, so a GET that wrote anything (none should) leaves no trace."""


def _vraag(client, url: str) -> str | int:
    """The status, or "500 (exception)" when the view raised; each request in a savepoint that is undone."""
    try:
        with transaction.atomic():
            status = client.get(url).status_code
            raise _Terugdraaien
    except _Terugdraaien:
        return status
    except Exception as fout:  # the test client re-raises what a view raised: that was a 500
        return f"500 ({type(fout).__name__}: {str(fout)[:200]})"


def _vraag_alles(client, pagina_sleutel: str, pad: str, sleutels: list[str], extra, fouten: list) -> int:
    aantal = 0
    for paren, stuur in _gevallen(pagina_sleutel, sleutels, extra):
        url = f"{pad}?{_query(paren)}"
        status = _vraag(client, url)
        aantal += 1
        if stuur and status != 400:
            fouten.append(f"{url}: stuurteken niet geweigerd (status {status})")
        elif not isinstance(status, int) or status >= 500:
            fouten.append(f"{url}: {status}")
    return aantal


def _app_paginas() -> list[tuple[str, str]]:
    from tests.test_autorisatiematrix import patronen

    return [
        (sleutel, "/" + route)
        for sleutel, route in patronen()
        if "<" not in route and "(?P" not in route and not route.startswith("admin/")
    ]


def _admin_parameters(model_admin, request) -> tuple[list[str], list[list[tuple[str, str]]]]:
    """An admin list's parameters from the ModelAdmin itself, and the orderings over every column."""
    changelist = model_admin.get_changelist_instance(request)
    sleutels = {p for spec in changelist.filter_specs for p in spec.expected_parameters()}
    sleutels |= {"o", "p", "all", "_facets"}
    if model_admin.get_search_fields(request):
        sleutels.add("q")
    if veld := model_admin.date_hierarchy:
        sleutels |= {f"{veld}__year", f"{veld}__month", f"{veld}__day"}
    # Every column at once, ascending then descending (two code paths): one unsortable column was enough for a
    # 500, and an index past the last column is tried as well.
    kolommen = range(len(changelist.list_display) + 1)
    ordeningen = [[("o", ".".join([*(str(i) for i in kolommen), *(f"-{i}" for i in kolommen)]))]]
    return sorted(sleutels), ordeningen


@pytest.mark.django_db
def test_hostile_query_strings_never_answer_5xx(client, programma, django_user_model):
    begin = time.monotonic()
    fouten: list[str] = []
    aantal = 0

    client.force_login(django_user_model.objects.get(username="beheerder"))
    for sleutel, pad in _app_paginas():
        html = client.get(pad).content.decode(errors="replace")
        sleutels = sorted(_sleutels_van_de_pagina(html) | set(ALGEMENE_SLEUTELS))
        aantal += _vraag_alles(client, sleutel, pad, sleutels, [], fouten)

    # The admin as a superuser, who opens every list (the beheerder reads all of them too, within his rights).
    superuser = django_user_model.objects.create_superuser(
        "fuzz-beheer", "fuzz@example.org", "Fuzz-wachtwoord-1"
    )
    client.force_login(superuser)
    verzoek = RequestFactory().get("/")
    verzoek.user = superuser
    for model, model_admin in admin.site._registry.items():
        pad = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        sleutels, ordeningen = _admin_parameters(model_admin, verzoek)
        aantal += _vraag_alles(client, pad, pad, sleutels, ordeningen, fouten)

    print(f"\n{aantal} vijandige zoekparameters in {time.monotonic() - begin:.1f} s")
    assert not fouten, "\n".join(fouten)
