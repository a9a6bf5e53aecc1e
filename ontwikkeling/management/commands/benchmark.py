"""
`manage.py benchmark`: the benchmark of issue 14 against the configured database; prints a table, writes JSON.

    DATABASE_URL=postgres://… python manage.py load_programma --demo
    DATABASE_URL=postgres://… DEBUG=1 python manage.py genereer_testdata --schaal 1
    DATABASE_URL=postgres://… python manage.py benchmark --json benchmark.json [--alleen paginas,last] [--snel]

Parts: paginas, last, import, geheugen, ongedaan (measured with import), edities. `--snel` uses few requests and
rows (for a smoke test, not for figures). Writes are rolled back; only the load part starts gunicorn.
"""

import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings

import yaml

from ontwikkeling import benchmark, benchmark_import
from ontwikkeling.benchmark import DOEL_VLOER, oordeel
from ontwikkeling.management.commands.soak import (
    DEMO_GEBRUIKERS,
    Metingen,
    Sessie,
    collectstatic,
    server_omgeving,
    vrije_poort,
)

DELEN = ("paginas", "last", "import", "geheugen", "edities")


class Command(BaseCommand):
    help = (
        "Benchmark (issue 14): pagina's, belasting, import, geheugen, ongedaan maken, edities; tabel + JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--alleen", default=",".join(DELEN), help=f"kommagescheiden uit: {', '.join(DELEN)}"
        )
        parser.add_argument("--snel", action="store_true", help="weinig verzoeken en rijen: een rooktest")
        parser.add_argument(
            "--json", dest="json_pad", default=None, help="schrijf de uitkomsten als JSON hierheen"
        )
        parser.add_argument("--verzoeken", type=int, default=None, help="verzoeken per pagina per rol (≥ 30)")
        parser.add_argument("--rijen", type=int, default=None, help="rijen van de import (standaard 100.000)")
        parser.add_argument("--ie-rijen", type=int, default=None, help="rijen voor django-import-export")
        parser.add_argument(
            "--geheugen-rijen", type=int, default=None, help="rijen voor de geheugentest (1 M)"
        )
        parser.add_argument(
            "--seconden", type=float, default=None, help="duur per belaste pagina (standaard 20)"
        )
        parser.add_argument("--verbindingen", type=int, default=32)

    def handle(self, *args, alleen, snel, json_pad, **o):
        logging.getLogger("axes").setLevel(logging.WARNING)  # one log line per force_login drowns the table
        delen = [d.strip() for d in alleen.split(",") if d.strip()]
        onbekend = set(delen) - set(DELEN)
        if onbekend:
            raise CommandError(f"Onbekend deel: {', '.join(sorted(onbekend))}. Kies uit {', '.join(DELEN)}.")
        uitkomst = {
            "machine": {
                "platform": platform.platform(),
                "cores": os.cpu_count(),
                "python": platform.python_version(),
            },
            "database": connection.vendor,
            "snel": snel,
            "delen": {},
        }
        schrijf = self.stdout.write
        if "paginas" in delen:
            schrijf("a. Pagina's (in-process, server-tijd; doel p50 < 50 ms, p95 < 150 ms)")
            schrijf(f"  {'pagina':<18}{'rol':<10}{'status':>5}{'queries':>8}{'p50':>9}{'p95':>9}")
            # In-process over the test client: a host the settings allow, HTTPS as in production.
            with override_settings(ALLOWED_HOSTS=["127.0.0.1", "testserver"]):
                uitkomst["delen"]["paginas"] = benchmark.meet_paginas(
                    o["verzoeken"] or (3 if snel else 30), melding=schrijf
                )
        if "last" in delen:
            schrijf("b. Belasting (gunicorn, 2 workers, verbindingen parallel; doel ≥ 25 % van de vloer)")
            uitkomst["delen"]["last"] = self._last(o["seconden"] or (3 if snel else 20), o["verbindingen"])
        if "import" in delen:
            rijen = o["rijen"] or (2_000 if snel else 100_000)
            schrijf(f"c/e. Import van {rijen} rijen, ongedaan maken (doel ≤ 4× COPY; ongedaan < 10 s)")
            uitkomst["delen"]["import"] = benchmark_import.meet_import(rijen, o["ie_rijen"], melding=schrijf)
        if "geheugen" in delen:
            rijen = o["geheugen_rijen"] or (5_000 if snel else 1_000_000)
            schrijf(f"d. Piekgeheugen van een import van {rijen} rijen (doel < 1 GB)")
            uitkomst["delen"]["geheugen"] = benchmark_import.meet_geheugen(rijen, melding=schrijf)
        if "edities" in delen:
            schrijf("f. Editie als PDF en XLSX (doel PDF < 5 s)")
            uitkomst["delen"]["edities"] = benchmark_import.meet_edities(melding=schrijf)
        self._samenvatting(uitkomst["delen"])
        if json_pad:
            Path(json_pad).write_text(json.dumps(uitkomst, indent=2, ensure_ascii=False, default=str))
            schrijf(f"JSON geschreven naar {json_pad}")

    def _last(self, seconden: float, verbindingen: int) -> dict:
        wachtwoord = yaml.safe_load(DEMO_GEBRUIKERS.read_text())["wachtwoord"]
        connection.close()
        uitkomst = {"verbindingen": verbindingen, "seconden": seconden, "workers": 2, "metingen": []}
        with tempfile.TemporaryDirectory(prefix="bench-") as map_:
            omgeving = server_omgeving(str(Path(map_) / "static"), False)
            collectstatic(omgeving)
            poort = vrije_poort()
            foutlog = Path(map_) / "error.log"
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "hengelo_sd.wsgi",
                    "--workers=2",
                    f"--bind=127.0.0.1:{poort}",
                    "--timeout=120",
                    f"--error-logfile={foutlog}",
                    "--no-control-socket",
                ],
                cwd=settings.BASE_DIR,
                env=omgeving,
            )
            try:
                self._wacht(server, poort, foutlog)
                for rol, pad in (("manager", "/activiteiten/management/"), ("college", "/college/")):
                    sessie = Sessie(poort, Metingen())
                    sessie.inloggen(rol, wachtwoord)
                    cookie = "; ".join(f"{k}={m.value}" for k, m in sessie.cookies.items())
                    benchmark.belast(poort, pad, cookie, 4, 2)  # warm-up of both workers
                    vloer = benchmark.belast(poort, "/gezond/", cookie, verbindingen, seconden)
                    pagina = benchmark.belast(poort, pad, cookie, verbindingen, seconden)
                    verhouding = (
                        pagina["verzoeken_per_s"] / vloer["verzoeken_per_s"]
                        if vloer["verzoeken_per_s"]
                        else 0
                    )
                    rij = {
                        "rol": rol,
                        "pagina": pagina,
                        "vloer": vloer,
                        "verhouding": round(verhouding, 3),
                        "gehaald": verhouding >= DOEL_VLOER
                        and pagina["fouten"] == 0
                        and vloer["fouten"] == 0,
                    }
                    uitkomst["metingen"].append(rij)
                    self.stdout.write(
                        f"  {pad:<28}{pagina['verzoeken_per_s']:>8.1f}/s ({pagina['fouten']} fouten)  vloer "
                        f"{vloer['verzoeken_per_s']:.1f}/s ({vloer['fouten']} fouten)  {verhouding:.1%}  "
                        f"{oordeel(rij['gehaald'])}"
                    )
            finally:
                server.terminate()
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
        return uitkomst

    @staticmethod
    def _wacht(server, poort, foutlog):
        import http.client

        for _ in range(120):
            if server.poll() is not None:
                raise CommandError(f"gunicorn stopte meteen:\n{foutlog.read_text()[-2000:]}")
            try:
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=5)
                verbinding.request("GET", "/inloggen/", headers={"Host": f"127.0.0.1:{poort}"})
                verbinding.getresponse().read()
                verbinding.close()
                return
            except OSError:
                time.sleep(0.5)
        raise CommandError("gunicorn kwam niet binnen 60 seconden op.")

    def _samenvatting(self, delen: dict) -> None:
        schrijf = self.stdout.write
        schrijf("")
        schrijf("Samenvatting tegen de doelen")
        if "paginas" in delen:
            rijen = delen["paginas"]["paginas"]
            gehaald = sum(1 for r in rijen if r.get("gehaald"))
            schrijf(f"  pagina's p50 < 50 ms en p95 < 150 ms: {gehaald} van {len(rijen)} gehaald")
        for rij in delen.get("last", {}).get("metingen", []):
            schrijf(
                f"  {rij['pagina']['pad']} ≥ 25 % van de vloer: {rij['verhouding']:.1%} — {oordeel(rij['gehaald'])}"
            )
        imp = delen.get("import")
        if imp:
            schrijf(
                f"  import {imp['rijen']} rijen CSV {imp.get('csv_s')} s, XLSX {imp.get('xlsx_s')} s, COPY "
                f"{imp.get('copy_s')} s: {imp.get('verhouding_copy', '—')}× COPY (≤ 4×) — {oordeel(imp.get('gehaald_copy'))}"
            )
            schrijf(
                f"  django-import-export {imp['ie_rijen']} rijen: {imp.get('ie_s')} s "
                f"(naar {imp['rijen']} rijen geschaald: {imp.get('ie_verhouding_copy', '—')}× COPY)"
            )
            schrijf(
                f"  ongedaan maken: {imp.get('ongedaan_s')} s (< 10 s) — {oordeel(imp.get('gehaald_ongedaan'))}"
            )
        geh = delen.get("geheugen")
        if geh:
            schrijf(
                f"  piekgeheugen import {geh['rijen']} rijen: {geh.get('maxrss_mb', geh.get('fout'))} MB (< 1 GB) — "
                f"{oordeel(geh.get('gehaald'))}"
            )
        ed = delen.get("edities")
        if ed:
            schrijf(
                f"  editie PDF {ed.get('pdf_s')} s (< 5 s) — {oordeel(ed.get('gehaald_pdf'))}; XLSX {ed.get('xlsx_s')} s"
            )
