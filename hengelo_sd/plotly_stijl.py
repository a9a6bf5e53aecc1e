"""
Plotly.js's own stylesheet as a static file, derived from the installed plotly package, never copied into the repo.

At start-up plotly.js inserts its CSS rules (its src/css/_*.scss) into a <style> element it creates, which a
Content-Security-Policy without style-src 'unsafe-inline' blocks. When the page already has a stylesheet with
id="plotly.js-style-global" and class="no-inline-styles", plotly.js inserts nothing; base.html links this file so.

`PlotlyStijlFinder` (STATICFILES_FINDERS) reads the rules from the installed plotly.min.js and offers them as
`vendor/plotly/plotly.css`, for runserver, WhiteNoise and collectstatic alike; a plotly upgrade brings its own rules.
"""

import hashlib
import re
import tempfile
from pathlib import Path

from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

import plotly

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PAD = "vendor/plotly/plotly.css"


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


class PlotlyStijlFinder(BaseFinder):
    """Offers `vendor/plotly/plotly.css`, written once per plotly bundle into a cache directory."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._storage = None

    @property
    def storage(self) -> FileSystemStorage:
        if self._storage is None:
            bron = PLOTLY_JS.read_text(encoding="utf-8")
            kenmerk = hashlib.sha256(bron.encode()).hexdigest()[:16]
            map_ = Path(tempfile.gettempdir()) / f"hengelo-sd-plotly-{plotly.__version__}-{kenmerk}"
            bestand = map_ / PAD
            if not bestand.exists():
                bestand.parent.mkdir(parents=True, exist_ok=True)
                tijdelijk = bestand.with_suffix(".tmp")
                tijdelijk.write_text(
                    f"/* plotly.js {plotly.__version__}: its own rules, read from the installed bundle. */\n"
                    + "\n".join(plotly_regels(bron))
                    + "\n",
                    encoding="utf-8",
                )
                tijdelijk.replace(bestand)  # atomic: two workers starting at once never read half a file
            self._storage = FileSystemStorage(location=map_)
        return self._storage

    def find(self, path, find_all=False, **kwargs):
        if path != PAD:
            return [] if find_all else None
        gevonden = self.storage.path(PAD)
        return [gevonden] if find_all else gevonden

    def list(self, ignore_patterns):
        yield PAD, self.storage
