"""
Plotly.js's own stylesheet and its Dutch locale as static files, derived from the npm packages, never copied in.

At start-up plotly.js inserts its CSS rules (its src/css/_*.scss) into a <style> element it creates, which a
Content-Security-Policy without style-src 'unsafe-inline' blocks. When the page already has a stylesheet with
id="plotly.js-style-global" and class="no-inline-styles", plotly.js inserts nothing; base.html links this file so.

`PlotlyStijlFinder` (STATICFILES_FINDERS) reads the rules from the installed bundle (npm
`plotly.js-basic-dist-min`, package-lock.json: scatter and bar, about a quarter of the full bundle) and offers them
as `vendor/plotly/plotly.css`, for runserver, WhiteNoise and collectstatic alike; an upgrade brings its own rules.

`PlotlyTaalFinder` offers `vendor/plotly/plotly-locale-nl.js`: npm `plotly.js-locales`' nl.js is a CommonJS module
(`module.exports = {...}`), which a browser cannot load as it is; the served file wraps it unchanged in a function
that gives it a `module` and registers the result with `Plotly.register`, so `locale: "nl"` has Dutch month names.
"""

import hashlib
import json
import re
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

PLOTLY_MAP = Path(settings.NODE_MODULES) / "plotly.js-basic-dist-min"
PLOTLY_JS = PLOTLY_MAP / "plotly-basic.min.js"
PAD = "vendor/plotly/plotly.css"
LOCALE_NL = Path(settings.NODE_MODULES) / "plotly.js-locales" / "nl.js"
LOCALE_PAD = "vendor/plotly/plotly-locale-nl.js"


def plotly_versie() -> str:
    """The version of the served bundle, from its package.json."""
    return json.loads((PLOTLY_MAP / "package.json").read_text(encoding="utf-8"))["version"]


def plotly_regels(bron: str) -> list[str]:
    """The rules plotly.js adds at start-up, read from its bundle, in the order they end up in the sheet."""
    begin = bron.index('{"X,X div":')
    object_tekst = bron[begin : _einde_object(bron, begin)]
    paren = re.findall(
        r"""("(?:[^"\\]|\\.)*"|[A-Za-z_$][\w$]*):('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""", object_tekst
    )
    regels = []
    for sleutel, waarde in paren:
        selector = re.sub(r"^,", " ,", sleutel.strip('"'))
        selector = selector.replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")
        regels.append(f"{selector} {{ {waarde[1:-1]} }}")
    return list(reversed(regels))  # plotly inserts each rule at index 0


def _einde_object(bron: str, begin: int) -> int:
    """Index just past the object literal that starts at `begin` (braces inside strings do not count)."""
    diepte, positie = 0, begin
    while positie < len(bron):
        teken = bron[positie]
        if teken in "'\"":
            positie += 1
            while bron[positie] != teken:
                positie += 2 if bron[positie] == "\\" else 1
        elif teken == "{":
            diepte += 1
        elif teken == "}":
            diepte -= 1
            if not diepte:
                return positie + 1
        positie += 1
    raise ValueError("plotly's stylesheet object not found")


def kaart_css_id(bron: str) -> str:
    """The id plotly.js looks for before injecting maplibre's map CSS (an element with it present: no injection)."""
    gevonden = re.search(r'getElementById\("([0-9a-f]{64})"\)', bron)
    if gevonden is None:
        raise ValueError("plotly's map-CSS id not found")
    return gevonden.group(1)


def locale_script(bron: str) -> str:
    """nl.js (a CommonJS module) as a browser script that registers it with the already loaded Plotly."""
    return (
        "/* plotly.js-locales nl.js, wrapped: it is a CommonJS module, Plotly.register takes its export. */\n"
        "(function () {\n  var module = { exports: {} };\n"
        + bron
        + "\n  Plotly.register(module.exports);\n})();\n"
    )


class _AfgeleidBestandFinder(BaseFinder):
    """Offers one static file derived from a source file, written once per source version into a cache directory."""

    pad: str
    bron_bestand: Path
    naam: str

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._storage = None

    def afleiden(self, bron: str) -> str:
        raise NotImplementedError

    @property
    def storage(self) -> FileSystemStorage:
        if self._storage is None:
            bron = self.bron_bestand.read_text(encoding="utf-8")
            kenmerk = hashlib.sha256(bron.encode()).hexdigest()[:16]
            map_ = Path(tempfile.gettempdir()) / f"hengelo-sd-{self.naam}-{kenmerk}"
            bestand = map_ / self.pad
            if not bestand.exists():
                bestand.parent.mkdir(parents=True, exist_ok=True)
                tijdelijk = bestand.with_suffix(".tmp")
                tijdelijk.write_text(self.afleiden(bron), encoding="utf-8")
                tijdelijk.replace(bestand)  # atomic: two workers starting at once never read half a file
            self._storage = FileSystemStorage(location=map_)
        return self._storage

    def find(self, path, find_all=False, **kwargs):
        if path != self.pad:
            return []  # as Django's own finders: finders.find() treats None as a match
        gevonden = self.storage.path(self.pad)
        return [gevonden] if find_all else gevonden

    def list(self, ignore_patterns):
        yield self.pad, self.storage


class PlotlyStijlFinder(_AfgeleidBestandFinder):
    """Offers `vendor/plotly/plotly.css`: plotly.js's own rules, read from the served bundle."""

    pad = PAD
    bron_bestand = PLOTLY_JS
    naam = "plotly-css"

    def afleiden(self, bron: str) -> str:
        return (
            f"/* plotly.js {plotly_versie()}: its own rules, read from the installed bundle. */\n"
            + "\n".join(plotly_regels(bron))
            + "\n"
        )


class PlotlyTaalFinder(_AfgeleidBestandFinder):
    """Offers `vendor/plotly/plotly-locale-nl.js`: the Dutch locale as a script that registers itself."""

    pad = LOCALE_PAD
    bron_bestand = LOCALE_NL
    naam = "plotly-locale-nl"

    def afleiden(self, bron: str) -> str:
        return locale_script(bron)
