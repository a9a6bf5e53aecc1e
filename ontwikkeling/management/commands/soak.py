"""
`manage.py soak --seconden 180 --gebruikers 6`: a soak test against gunicorn and the configured database.

Starts gunicorn (2 workers, 127.0.0.1 on a free port) with production-like settings: no DEBUG, a random
SECRET_KEY, ALLOWED_HOSTS 127.0.0.1, no HTTPS redirect or secure cookies (plain HTTP on loopback), static files
hashed by collectstatic into a temporary STATIC_ROOT and served by WhiteNoise. Then simulated users, each with one
login session, work for `--seconden`: trekkers post progress updates on their own activities (confirmed only by
the 302 to the activity and the success message on the page it leads to), the manager and the college read their
dashboards and the indicators. Meanwhile the workers' resident memory (VmRSS in /proc) is sampled.

Passes when: confirmed updates == new Voortgangsrapportage rows in the database, no 5xx (client side and in
gunicorn's access log), no failed request or unconfirmed update, no worker restarted, and no worker's memory
grew more than `--rss-marge-mb` between the end of the warm-up and the end of the run. Prints the figures;
exits non-zero on failure. Needs the demo accounts (`DEBUG=1 manage.py load_programma --demo`).

Lives in actielijnen: what it checks (updates stored) is this app's; the dashboards it reads it reaches only over
HTTP, so it imports nothing from the floors above.
"""

import http.client
import http.cookies
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

import yaml

from accounts.models import User
from actielijnen.models import Activiteit, Voortgangsrapportage
from kern.notatie import format_getal
from ontwikkeling.statistiek import percentiel

DEMO_GEBRUIKERS = Path(settings.BASE_DIR) / "fixtures" / "demo" / "gebruikers.yaml"
# Simulated users take these accounts in turn: two trekkers writing, manager and college reading.
ROLLEN = ["trekker", "manager", "trekker2", "college"]
LEESPAGINAS = {
    "manager": [("management", "/activiteiten/management/"), ("indicatoren", "/monitoring/indicatoren/")],
    "college": [("college", "/college/"), ("indicatoren", "/monitoring/indicatoren/")],
}
SUCCESMELDING = "De voortgang is opgeslagen."
CSRF_VELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STYLESHEET = re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="(/static/[^"]+)"')


# --- Figures and verdict (pure, tested in tests/test_soak.py) ----------------------------------------------


@dataclass
class Geheugen:
    """VmRSS samples (kB) of one worker: all of them, and the window after the warm-up."""

    pid: int
    monsters: list[tuple[float, int]] = field(default_factory=list)

    def na_opwarmen(self, opwarmen_tot: float) -> list[int]:
        return [rss for t, rss in self.monsters if t >= opwarmen_tot]

    def groei_kb(self, opwarmen_tot: float, venster: int = 5) -> int | None:
        """Median of the last samples minus median of the first samples after the warm-up (None: too few)."""
        waarden = self.na_opwarmen(opwarmen_tot)
        if len(waarden) < 2 * venster:
            return None
        return int(statistics.median(waarden[-venster:]) - statistics.median(waarden[:venster]))


def oordeel(
    *,
    bevestigd: int,
    opgeslagen: int,
    opgeslagen_met_kenmerk: int,
    fouten_5xx: int,
    server_5xx: int,
    mislukt: int,
    onbevestigd: int,
    herstarts: int,
    geheugen: list[Geheugen],
    opwarmen_tot: float,
    rss_marge_kb: int,
) -> list[str]:
    """Why the soak failed, in Dutch; an empty list means it passed."""
    redenen = []
    if bevestigd == 0:
        redenen.append("Geen enkele update bevestigd: de soak heeft niets gemeten.")
    if bevestigd != opgeslagen or bevestigd != opgeslagen_met_kenmerk:
        redenen.append(
            f"Bevestigde updates ({bevestigd}) ≠ nieuwe rijen in de database "
            f"({opgeslagen}, waarvan {opgeslagen_met_kenmerk} met het kenmerk van deze run)."
        )
    if fouten_5xx or server_5xx:
        redenen.append(
            f"Serverfouten: {fouten_5xx} keer 5xx bij de gebruikers, {server_5xx} in de accesslog."
        )
    if mislukt:
        redenen.append(f"{mislukt} verzoeken mislukt (verbinding, time-out of onverwachte status).")
    if onbevestigd:
        redenen.append(f"{onbevestigd} updates niet bevestigd (geen 302 met succesmelding).")
    if herstarts:
        redenen.append(f"{herstarts} gunicorn-workers herstart tijdens de run.")
    if not geheugen:
        redenen.append("Geen geheugenmetingen van de workers.")
    for worker in geheugen:
        groei = worker.groei_kb(opwarmen_tot)
        if groei is None:
            redenen.append(f"Worker {worker.pid}: te weinig geheugenmetingen na het opwarmen.")
        elif groei > rss_marge_kb:
            redenen.append(
                f"Worker {worker.pid}: geheugen groeide {format_getal(groei / 1024, decimalen=1)} MB na het "
                f"opwarmen (marge {format_getal(rss_marge_kb / 1024, decimalen=0)} MB)."
            )
    return redenen


# --- HTTP client: one session (cookie jar) per simulated user ----------------------------------------------


class Onverwacht(Exception):
    """A response the simulated user did not expect (the message says which)."""


@dataclass
class Antwoord:
    status: int
    locatie: str
    tekst: str


class Metingen:
    """Everything the users measured, shared between threads."""

    def __init__(self):
        self.slot = threading.Lock()
        self.duur = defaultdict(list)  # label -> seconds
        self.status_5xx = defaultdict(int)  # label -> count
        self.mislukt = 0
        self.bevestigd = 0
        self.onbevestigd = 0
        self.voorbeelden = []  # the first errors, for the report

    def fout(self, tekst: str, *, onbevestigd=False):
        with self.slot:
            if onbevestigd:
                self.onbevestigd += 1
            else:
                self.mislukt += 1
            if len(self.voorbeelden) < 10:
                self.voorbeelden.append(tekst)


class Sessie:
    """A browser-like session over http.client: cookies kept, redirects not followed (they are checked)."""

    def __init__(self, poort: int, metingen: Metingen):
        self.poort, self.metingen = poort, metingen
        self.cookies = http.cookies.SimpleCookie()

    def verzoek(self, label: str, methode: str, pad: str, velden: dict | None = None) -> Antwoord:
        kop = {"Host": f"127.0.0.1:{self.poort}", "User-Agent": "hengelo-soak"}
        if self.cookies:
            kop["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        lichaam = None
        if velden is not None:
            lichaam = urllib.parse.urlencode(velden, doseq=True).encode()
            kop["Content-Type"] = "application/x-www-form-urlencoded"
        verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=60)
        begin = time.perf_counter()
        try:
            verbinding.request(methode, pad, body=lichaam, headers=kop)
            antwoord = verbinding.getresponse()
            tekst = antwoord.read().decode("utf-8", "replace")
        finally:
            verbinding.close()
        duur = time.perf_counter() - begin
        for cookie in antwoord.headers.get_all("Set-Cookie") or []:
            self.cookies.load(cookie)
        with self.metingen.slot:
            self.metingen.duur[label].append(duur)
            if antwoord.status >= 500:
                self.metingen.status_5xx[label] += 1
        if antwoord.status >= 500:
            raise Onverwacht(f"{methode} {pad}: {antwoord.status}")
        return Antwoord(antwoord.status, antwoord.headers.get("Location", ""), tekst)

    def lees(self, label: str, pad: str) -> Antwoord:
        antwoord = self.verzoek(label, "GET", pad)
        if antwoord.status != 200:
            raise Onverwacht(f"GET {pad}: {antwoord.status} {antwoord.locatie}")
        return antwoord

    def inloggen(self, gebruikersnaam: str, wachtwoord: str) -> None:
        token = _csrf(self.lees("inloggen", "/inloggen/"), "/inloggen/")
        antwoord = self.verzoek(
            "inloggen",
            "POST",
            "/inloggen/",
            {"csrfmiddlewaretoken": token, "username": gebruikersnaam, "password": wachtwoord},
        )
        if antwoord.status != 302:
            raise Onverwacht(f"Inloggen als {gebruikersnaam} mislukt: {antwoord.status}")


def _csrf(antwoord: Antwoord, pad: str) -> str:
    gevonden = CSRF_VELD.search(antwoord.tekst)
    if not gevonden:
        raise Onverwacht(f"Geen CSRF-token op {pad}")
    return gevonden.group(1)


@dataclass
class Activiteitdoel:
    """An activity a simulated trekker updates, with the values that keep its state as it is."""

    sleutel: str
    fase: str
    status: str


class Gebruiker(threading.Thread):
    """One simulated user: logs in once, then acts until the deadline."""

    def __init__(
        self, *, nummer, gebruikersnaam, wachtwoord, poort, metingen, einde, denktijd, run_id, doelen
    ):
        super().__init__(name=f"soak-{nummer}-{gebruikersnaam}", daemon=True)
        self.gebruikersnaam, self.wachtwoord = gebruikersnaam, wachtwoord
        self.sessie = Sessie(poort, metingen)
        self.metingen, self.einde, self.denktijd = metingen, einde, denktijd
        self.run_id, self.doelen = run_id, doelen
        self.rol = "trekker" if doelen else gebruikersnaam
        self.willekeur = random.Random(f"{run_id}-{nummer}")
        self.teller = 0
        self.statisch_gelezen = False

    def run(self):
        try:
            self.sessie.inloggen(self.gebruikersnaam, self.wachtwoord)
        except (Onverwacht, OSError) as exc:
            self.metingen.fout(str(exc))
            return
        while time.monotonic() < self.einde:
            try:
                if self.rol == "trekker":
                    self._trekker()
                else:
                    label, pad = self.willekeur.choice(LEESPAGINAS[self.rol])
                    self._statisch(self.sessie.lees(label, pad))
            except Onverwacht as exc:
                self.metingen.fout(str(exc))
            except OSError as exc:  # connection refused/reset, time-out
                self.metingen.fout(f"{type(exc).__name__}: {exc}")
            time.sleep(self.willekeur.uniform(0, self.denktijd))

    def _statisch(self, pagina: Antwoord):
        # Once per user: a hashed stylesheet from the page, served by WhiteNoise.
        if self.statisch_gelezen:
            return
        self.statisch_gelezen = True
        gevonden = STYLESHEET.search(pagina.tekst)
        if not gevonden:
            raise Onverwacht("Geen stylesheet op de pagina")
        self.sessie.lees("statisch", gevonden.group(1))

    def _trekker(self):
        if self.willekeur.random() < 0.25:
            self._statisch(self.sessie.lees("mijn activiteiten", "/activiteiten/"))
            return
        doel = self.willekeur.choice(self.doelen)
        pad = f"/activiteiten/{doel.sleutel}/voortgang/"
        token = _csrf(self.sessie.lees("voortgangsformulier", pad), pad)
        self.teller += 1
        antwoord = self.sessie.verzoek(
            "voortgang opslaan",
            "POST",
            pad,
            {
                "csrfmiddlewaretoken": token,
                "periode": time.strftime("%Y-%m"),
                "rag": self.willekeur.choice(["groen", "oranje", "rood"]),
                "percentage_gereed": self.willekeur.randint(0, 100),
                "fase": doel.fase,
                "status": doel.status,
                "toelichting": f"Soak {self.run_id}: update {self.teller} van {self.name}.",
            },
        )
        verwacht = f"/activiteiten/{doel.sleutel}/"
        if antwoord.status != 302 or urllib.parse.urlsplit(antwoord.locatie).path != verwacht:
            self.metingen.fout(f"POST {pad}: {antwoord.status} {antwoord.locatie}", onbevestigd=True)
            return
        pagina = self.sessie.lees("activiteit", verwacht)
        if SUCCESMELDING not in pagina.tekst:
            self.metingen.fout(f"Geen succesmelding na POST {pad}", onbevestigd=True)
            return
        with self.metingen.slot:
            self.metingen.bevestigd += 1


# --- gunicorn and its workers ------------------------------------------------------------------------------


def collectstatic(omgeving: dict) -> float:
    """Collect the static files for a server with this environment (its STATIC_ROOT); returns the seconds taken."""
    begin = time.monotonic()
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=omgeving,
        capture_output=True,
        text=True,
    )
    if resultaat.returncode:
        raise CommandError(f"collectstatic mislukt:\n{resultaat.stderr[-3000:]}")
    return time.monotonic() - begin


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _workers(master: int) -> list[int]:
    """Pids whose parent is the gunicorn master (read from /proc, no extra dependency)."""
    kinderen = []
    for naam in os.listdir("/proc"):
        if not naam.isdigit():
            continue
        try:
            stat = Path(f"/proc/{naam}/stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces; fields after it are fixed.
        velden = stat.rsplit(")", 1)[1].split()
        if int(velden[1]) == master:
            kinderen.append(int(naam))
    return sorted(kinderen)


def _vmrss_kb(pid: int) -> int | None:
    try:
        for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
            if regel.startswith("VmRSS:"):
                return int(regel.split()[1])
    except OSError:
        return None
    return None


class Geheugenmeter(threading.Thread):
    """Samples the workers' VmRSS every `interval` seconds; notices a worker that was replaced."""

    def __init__(self, master: int, interval: float, begin: float):
        super().__init__(name="soak-geheugen", daemon=True)
        self.master, self.interval, self.begin = master, interval, begin
        self.workers: dict[int, Geheugen] = {}
        self.herstarts = 0
        self.stop = threading.Event()

    def run(self):
        bekend = None
        while not self.stop.is_set():
            pids = _workers(self.master)
            if bekend is not None and set(pids) != bekend:
                self.herstarts += len(set(pids) - bekend)
            bekend = set(pids)
            nu = time.monotonic() - self.begin
            for pid in pids:
                rss = _vmrss_kb(pid)
                if rss is not None:
                    self.workers.setdefault(pid, Geheugen(pid)).monsters.append((nu, rss))
            self.stop.wait(self.interval)


def server_omgeving(static_root: str, comprimeren: bool) -> dict:
    """Production-like settings for gunicorn, except plain HTTP on loopback."""
    omgeving = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    omgeving.update(
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=static_root,
        # The production storage compresses every file (about a minute here); the manifest storage alone gives
        # the same hashed names and WhiteNoise serving, in seconds.
        STATICFILES_STORAGE="whitenoise.storage.CompressedManifestStaticFilesStorage"
        if comprimeren
        else "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
        LOG_LEVEL="WARNING",
    )
    return omgeving


class Command(BaseCommand):
    help = "Soaktest: gunicorn + de ingestelde database, gesimuleerde gebruikers, updates tellen, geheugen meten."

    def add_arguments(self, parser):
        parser.add_argument("--seconden", type=int, default=180, help="duur van de belasting (standaard 180)")
        parser.add_argument("--gebruikers", type=int, default=6, help="gesimuleerde gebruikers (standaard 6)")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn-workers (standaard 2)")
        parser.add_argument(
            "--denktijd", type=float, default=0.2, help="maximale pauze tussen twee handelingen, in seconden"
        )
        parser.add_argument(
            "--opwarmen", type=int, default=None, help="seconden opwarmen vóór de geheugenvergelijking"
        )
        parser.add_argument(
            "--rss-marge-mb",
            type=float,
            default=16,
            help="toegestane geheugengroei per worker (standaard 16 MB)",
        )
        parser.add_argument(
            "--wachtwoord",
            default=None,
            help="wachtwoord van de demo-accounts (standaard uit de demofixture)",
        )
        parser.add_argument(
            "--statisch-comprimeren",
            action="store_true",
            help="collectstatic met de productieopslag (gecomprimeerd; duurt ongeveer een minuut)",
        )

    def handle(self, *args, seconden, gebruikers, workers, denktijd, opwarmen, rss_marge_mb, **opties):
        if seconden < 10 or gebruikers < 1:
            raise CommandError("Geef minstens 10 seconden en 1 gebruiker.")
        # Each worker first imports and caches what every page needs (templates, plotly): that growth is not a leak.
        if opwarmen is None:
            opwarmen = min(60, max(seconden // 3, min(10, seconden // 2)))
        if opwarmen > seconden - 5:
            raise CommandError("Het opwarmen moet korter zijn dan de run (laat minstens 5 seconden over).")
        wachtwoord = opties["wachtwoord"] or yaml.safe_load(DEMO_GEBRUIKERS.read_text())["wachtwoord"]
        plan = self._plan(gebruikers)
        run_id = secrets.token_hex(4)
        voor = Voortgangsrapportage.objects.count()
        connection.close()  # the server and the users do the work; this process only counts

        with tempfile.TemporaryDirectory(prefix="soak-") as tijdelijk:
            omgeving = server_omgeving(str(Path(tijdelijk) / "static"), opties["statisch_comprimeren"])
            self._collectstatic(omgeving)
            metingen, meter, server_5xx, duur_log = self._run(
                tijdelijk, omgeving, plan, wachtwoord, run_id, seconden, workers, denktijd, opwarmen
            )

        opgeslagen = Voortgangsrapportage.objects.count() - voor
        met_kenmerk = Voortgangsrapportage.objects.filter(toelichting__startswith=f"Soak {run_id}:").count()
        geheugen = list(meter.workers.values())
        # A worker that disappeared mid-run has no end figure; it is counted as a restart.
        geheugen_volledig = [g for g in geheugen if g.monsters and g.monsters[-1][0] > seconden - 2]
        redenen = oordeel(
            bevestigd=metingen.bevestigd,
            opgeslagen=opgeslagen,
            opgeslagen_met_kenmerk=met_kenmerk,
            fouten_5xx=sum(metingen.status_5xx.values()),
            server_5xx=server_5xx,
            mislukt=metingen.mislukt,
            onbevestigd=metingen.onbevestigd,
            herstarts=meter.herstarts,
            geheugen=geheugen_volledig,
            opwarmen_tot=opwarmen,
            rss_marge_kb=int(rss_marge_mb * 1024),
        )
        self._verslag(
            metingen, geheugen, opwarmen, seconden, gebruikers, workers, opgeslagen, met_kenmerk, server_5xx
        )
        if duur_log:
            self.stdout.write(
                f"gunicorn zelf (accesslog, {len(duur_log)} verzoeken): p50 {percentiel(duur_log, 50)} ms, "
                f"p95 {percentiel(duur_log, 95)} ms"
            )
        if redenen:
            raise CommandError("Soak mislukt:\n- " + "\n- ".join(redenen))
        self.stdout.write(self.style.SUCCESS("Soak geslaagd."))

    def _plan(self, aantal: int) -> list[tuple[str, list[Activiteitdoel]]]:
        """Which account each simulated user takes, and for trekkers the activities they update."""
        accounts = {u.username: u for u in User.objects.filter(username__in=ROLLEN, is_active=True)}
        ontbrekend = [naam for naam in ROLLEN if naam not in accounts]
        if ontbrekend:
            raise CommandError(
                f"Demo-accounts ontbreken ({', '.join(ontbrekend)}). "
                "Laad ze eerst: DEBUG=1 python manage.py load_programma --demo"
            )
        plan = []
        for i in range(aantal):
            naam = ROLLEN[i % len(ROLLEN)]
            doelen = []
            if naam.startswith("trekker"):
                doelen = [
                    Activiteitdoel(a.sleutel, a.fase or "uitvoering", a.status or "lopend")
                    for a in Activiteit.objects.editable_by(accounts[naam]).order_by("pk")
                ]
                if not doelen:
                    raise CommandError(f"{naam} is van geen enkele activiteit trekker.")
            plan.append((naam, doelen))
        return plan

    def _collectstatic(self, omgeving):
        self.stdout.write(f"collectstatic: {collectstatic(omgeving):.1f} s")

    def _run(self, tijdelijk, omgeving, plan, wachtwoord, run_id, seconden, workers, denktijd, opwarmen):
        poort = vrije_poort()
        accesslog, foutlog = Path(tijdelijk) / "access.log", Path(tijdelijk) / "error.log"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "hengelo_sd.wsgi",
                f"--workers={workers}",
                f"--bind=127.0.0.1:{poort}",
                "--timeout=60",
                f"--access-logfile={accesslog}",
                "--access-logformat=%(s)s %(M)s %(m)s %(U)s",
                f"--error-logfile={foutlog}",
                # Each gunicorn would otherwise claim the same ~/.gunicorn/gunicorn.ctl.
                "--no-control-socket",
            ],
            cwd=settings.BASE_DIR,
            env=omgeving,
        )
        try:
            self._wacht_op_server(server, poort, foutlog)
            self.stdout.write(
                f"gunicorn pid {server.pid}, {workers} workers op 127.0.0.1:{poort}; "
                f"{len(plan)} gebruikers gedurende {seconden} s (opwarmen {opwarmen} s), run {run_id}"
            )
            metingen = Metingen()
            begin = time.monotonic()
            meter = Geheugenmeter(server.pid, interval=1.0, begin=begin)
            meter.start()
            gebruikers = [
                Gebruiker(
                    nummer=i,
                    gebruikersnaam=naam,
                    wachtwoord=wachtwoord,
                    poort=poort,
                    metingen=metingen,
                    einde=begin + seconden,
                    denktijd=denktijd,
                    run_id=run_id,
                    doelen=doelen,
                )
                for i, (naam, doelen) in enumerate(plan)
            ]
            for gebruiker in gebruikers:
                gebruiker.start()
            for gebruiker in gebruikers:
                gebruiker.join(timeout=seconden + 120)
            meter.stop.set()
            meter.join()
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        server_5xx, duur_log = 0, []
        for regel in accesslog.read_text().splitlines():
            delen = regel.split()
            if delen and delen[0].isdigit():
                server_5xx += delen[0].startswith("5")
                duur_log.append(int(delen[1]))
        fouten = [r for r in foutlog.read_text().splitlines() if "[INFO]" not in r]
        if fouten:
            self.stderr.write("gunicorn-foutlog (laatste regels):\n" + "\n".join(fouten[-30:]))
        return metingen, meter, server_5xx, duur_log

    def _wacht_op_server(self, server, poort, foutlog):
        for _ in range(120):
            if server.poll() is not None:
                raise CommandError(f"gunicorn stopte meteen:\n{foutlog.read_text()[-3000:]}")
            try:
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=5)
                verbinding.request("GET", "/inloggen/", headers={"Host": f"127.0.0.1:{poort}"})
                status = verbinding.getresponse().status
                verbinding.close()
                if status == 200:
                    return
                raise CommandError(
                    f"/inloggen/ gaf {status} bij het opstarten:\n{foutlog.read_text()[-3000:]}"
                )
            except OSError:
                time.sleep(0.5)
        raise CommandError("gunicorn kwam niet binnen 60 seconden op.")

    def _verslag(
        self, metingen, geheugen, opwarmen, seconden, gebruikers, workers, opgeslagen, met_kenmerk, s5xx
    ):
        schrijf = self.stdout.write
        totaal = sum(len(d) for d in metingen.duur.values())
        schrijf("")
        schrijf(
            f"Soak: {gebruikers} gebruikers, {workers} workers, {seconden} s, database {connection.vendor}"
        )
        schrijf(f"{'pagina':<22}{'verzoeken':>10}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'5xx':>6}")
        for label in sorted(metingen.duur):
            duur = [d * 1000 for d in metingen.duur[label]]
            schrijf(
                f"{label:<22}{len(duur):>10}{percentiel(duur, 50):>9.0f}{percentiel(duur, 95):>9.0f}"
                f"{max(duur):>9.0f}{metingen.status_5xx[label]:>6}"
            )
        schrijf(f"{'totaal':<22}{totaal:>10}  ({totaal / seconden:.1f} verzoeken per seconde)")
        schrijf("")
        schrijf(f"updates bevestigd (302 + melding): {metingen.bevestigd}")
        schrijf(f"nieuwe rijen Voortgangsrapportage: {opgeslagen} (met kenmerk van deze run: {met_kenmerk})")
        schrijf(f"updates niet bevestigd: {metingen.onbevestigd}; mislukte verzoeken: {metingen.mislukt}")
        schrijf(f"5xx bij gebruikers: {sum(metingen.status_5xx.values())}; 5xx in accesslog gunicorn: {s5xx}")
        for voorbeeld in metingen.voorbeelden:
            schrijf(f"  fout: {voorbeeld}")
        schrijf("")
        schrijf(f"{'worker':<10}{'RSS start':>11}{'na opwarmen':>13}{'eind':>9}{'max':>9}{'groei':>9}  (MB)")
        for worker in geheugen:
            waarden = [rss for _, rss in worker.monsters]
            na = worker.na_opwarmen(opwarmen)
            groei = worker.groei_kb(opwarmen)
            schrijf(
                f"{worker.pid:<10}{waarden[0] / 1024:>11.1f}"
                f"{(statistics.median(na[:5]) / 1024 if na else float('nan')):>13.1f}"
                f"{statistics.median(waarden[-5:]) / 1024:>9.1f}{max(waarden) / 1024:>9.1f}"
                f"{(groei / 1024 if groei is not None else float('nan')):>+9.1f}"
            )
