"""
The benchmark of issue 14, part by part (`manage.py benchmark`): each part returns a dict for the JSON and rows for
the printed table. Targets (2-core machine) are printed beside each figure with "gehaald" / "niet gehaald".

Parts: `paginas` (query count and server time per main page per role, in-process), `last` (dashboard and college
under 32 connections against gunicorn beside the one-query floor `/gezond/`), `import` (100.000 rows: the service
with validation and history, django-import-export row by row, PostgreSQL COPY), `geheugen` (peak memory of a 1 M-row
import in a subprocess), `ongedaan` (undo of the import), `edities` (a full edition's PDF and XLSX).

Lives in rapportage, the top floor, because it reads every page; it calls only the public service functions other
parts of the app promise (monitoring.services.metingen_importeren / import_ongedaan_maken, rapportage.export_*).
"""

import http.client
import statistics
import threading
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from actielijnen.models import Activiteit
from monitoring.models import Indicator
from ontwikkeling.statistiek import percentiel
from rapportage.models import Rapportage

DOEL_P50_MS, DOEL_P95_MS = 50, 150
DOEL_VLOER = 0.25
DOEL_COPY = 4.0
DOEL_GEHEUGEN_MB = 1024
DOEL_ONGEDAAN_S = 10
DOEL_PDF_S = 5


def oordeel(gehaald: bool | None) -> str:
    return "—" if gehaald is None else ("gehaald" if gehaald else "niet gehaald")


# --- a. pages in-process ----------------------------------------------------------------------------------


def hoofdpaginas() -> list[tuple[str, str, list[str]]]:
    """(naam, url, rollen) of every main page; detail pages take the largest generated or real object."""
    activiteit = Activiteit.objects.order_by("sleutel").first()
    indicator = (
        Indicator.objects.filter(code__startswith="TD-").order_by("code").first()
        or Indicator.objects.order_by("code").first()
    )
    gepubliceerd = Rapportage.objects.filter(gepubliceerd_op__isnull=False).order_by("-pk").first()
    editie = gepubliceerd or Rapportage.objects.order_by("-pk").first()
    paginas = [
        ("dashboard", "/activiteiten/management/", ["manager", "beheerder"]),
        ("activiteitenlijst", "/activiteiten/", ["trekker", "manager"]),
        ("college", "/college/", ["college", "manager"]),
        ("raad", "/raad/", ["raad", "college"]),
        ("inwoners", "/inwoners/", ["anoniem"]),
        ("indicatorenlijst", "/monitoring/indicatoren/", ["manager", "college"]),
        ("financien", "/monitoring/financien/", ["manager", "college"]),
        ("piramide", "/monitoring/transformatiepiramide/", ["manager"]),
        ("fitgap", "/monitoring/fit-gap/", ["beheerder"]),
        ("import", "/monitoring/import/", ["beheerder"]),
        ("editielijst", "/rapportages/", ["manager", "raad"]),
    ]
    if activiteit:
        paginas.insert(2, ("activiteit", f"/activiteiten/{activiteit.sleutel}/", ["trekker", "manager"]))
    if indicator:
        paginas.insert(7, ("indicator", f"/monitoring/indicatoren/{indicator.code}/", ["manager", "college"]))
    if editie:
        rollen = ["manager", "raad"] if gepubliceerd else ["manager"]
        paginas.append(("editie", f"/rapportages/{editie.pk}/", rollen))
    # The public API (issue 27), as another system reads it: anonymous, the newest published edition.
    paginas += [
        ("api-edities", "/api/v1/edities", ["anoniem"]),
        ("api-reeksen", "/api/v1/reeksen", ["anoniem"]),
        ("api-activiteiten", "/api/v1/activiteiten", ["anoniem"]),
        ("api-moties", "/api/v1/moties", ["anoniem"]),
        ("api-catalogus", "/api/v1/catalogus", ["anoniem"]),
        ("api-openapi", "/api/v1/openapi.json", ["anoniem"]),
    ]
    if gepubliceerd:
        paginas += [
            ("api-editie", f"/api/v1/edities/{gepubliceerd.pk}", ["anoniem"]),
            ("api-sectie", f"/api/v1/edities/{gepubliceerd.pk}/secties/indicatoren", ["anoniem"]),
        ]
        # The largest series the edition froze (the generated ten-year indicators are the longest).
        reeksen = sorted(
            gepubliceerd.inhoud.get("indicatoren", []),
            key=lambda i: (
                -sum(len(i.get(soort) or []) for soort in ("peilwaarden", "realisaties", "streefwaarden"))
            ),
        )
        if reeksen:
            paginas.append(("api-reeks", f"/api/v1/reeksen/{reeksen[0]['code']}", ["anoniem"]))
    return paginas


def _client(rol: str) -> Client | None:
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)  # a 500 is a result
    if rol == "anoniem":
        return client
    gebruiker = User.objects.filter(username=rol, is_active=True).first()
    if gebruiker is None:
        return None
    client.force_login(gebruiker)
    return client


def meet_paginas(verzoeken: int = 30, melding=print) -> dict:
    """Per page per role: status, queries (of the last request), server time p50/p95 over `verzoeken` requests."""
    resultaten = []
    for naam, url, rollen in hoofdpaginas():
        for rol in rollen:
            client = _client(rol)
            if client is None:
                resultaten.append(
                    {"pagina": naam, "rol": rol, "url": url, "fout": f"account {rol} ontbreekt"}
                )
                continue
            eerste = client.get(url, secure=True)  # warm-up: template and plotly caches, not counted
            duur, queries = [], 0
            for _ in range(verzoeken):
                with CaptureQueriesContext(connection) as vastgelegd:
                    begin = time.perf_counter()
                    antwoord = client.get(url, secure=True)
                    duur.append((time.perf_counter() - begin) * 1000)
                queries = len(vastgelegd.captured_queries)
            p50, p95 = percentiel(duur, 50), percentiel(duur, 95)
            rij = {
                "pagina": naam,
                "rol": rol,
                "url": url,
                "status": antwoord.status_code,
                "status_eerste": eerste.status_code,
                "queries": queries,
                "bytes": len(antwoord.content),
                "verzoeken": verzoeken,
                "p50_ms": round(p50, 1),
                "p95_ms": round(p95, 1),
                "gehaald": antwoord.status_code == 200 and p50 < DOEL_P50_MS and p95 < DOEL_P95_MS,
            }
            resultaten.append(rij)
            melding(
                f"  {naam:<18}{rol:<10}{rij['status']:>5}{queries:>6} q{p50:>9.1f}{p95:>9.1f} ms  "
                f"{oordeel(rij['gehaald'])}"
            )
    return {"doel": {"p50_ms": DOEL_P50_MS, "p95_ms": DOEL_P95_MS}, "paginas": resultaten}


# --- b. throughput under load against gunicorn ------------------------------------------------------------


def belast(poort: int, pad: str, cookie: str, verbindingen: int, seconden: float) -> dict:
    """`verbindingen` threads, each one keep-alive connection (reopened when the server closes it), GET `pad`."""
    tellers = {"ok": 0, "fouten": 0, "duur": []}
    slot = threading.Lock()
    einde = time.monotonic() + seconden
    kop = {"Host": f"127.0.0.1:{poort}", "Cookie": cookie, "User-Agent": "hengelo-benchmark"}

    def werk():
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
        ok = fouten = 0
        duur = []
        while time.monotonic() < einde:
            begin = time.perf_counter()
            try:
                verbinding.request("GET", pad, headers=kop)
                antwoord = verbinding.getresponse()
                antwoord.read()
                if antwoord.status == 200:
                    ok += 1
                    duur.append(time.perf_counter() - begin)
                else:
                    fouten += 1
                if antwoord.will_close:
                    verbinding.close()
            except (OSError, http.client.HTTPException):
                fouten += 1
                verbinding.close()
        verbinding.close()
        with slot:
            tellers["ok"] += ok
            tellers["fouten"] += fouten
            tellers["duur"] += duur

    draden = [threading.Thread(target=werk, daemon=True) for _ in range(verbindingen)]
    begin = time.monotonic()
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(seconden + 90)
    verstreken = time.monotonic() - begin
    duur_ms = [d * 1000 for d in tellers["duur"]] or [float("nan")]
    return {
        "pad": pad,
        "verzoeken_per_s": round(tellers["ok"] / verstreken, 1),
        "ok": tellers["ok"],
        "fouten": tellers["fouten"],
        "p50_ms": round(statistics.median(duur_ms), 1),
        "p95_ms": round(percentiel(duur_ms, 95), 1),
    }
