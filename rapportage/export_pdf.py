"""
The PDF of an edition: `pdf_maken(rapportage) -> bytes`, with WeasyPrint.

Rendered only from the edition's own fields and its view-model (rapportage/weergave/: its snapshot and its texts,
as shown), through the same section templates as the web page (templates/rapportage/pdf/editie.html includes
templates/rapportage/editie_inhoud.html), for the anonymous reader: small counts of people read "< 10".

A tagged PDF for screen readers (PDF/UA-1: structure tree, /MarkInfo, document language nl from
<html lang>, title from <title> shown as the window title). Nothing is fetched over the network: stylesheet
and fonts are local files found by the staticfiles finders, and the URL fetcher refuses anything but those
files and data: URLs.

Every table fits its page whatever its cells hold (issue 30): static/css/rapportage_pdf.css lays tables out
with fixed column widths and lets a long unbroken word wrap anywhere; Monitoring en sturing is in landscape.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from rapportage.weergave import editie_weergave

STIJLBLAD = "css/rapportage_pdf.css"
# The palette first: rapportage_pdf.css writes its colours as var(--app-color-…) (kern/palet.py).
PALET = "css/palet.css"
PDF_VARIANT = "pdf/ua-1"
# Noto Sans from npm (@fontsource/noto-sans, served as vendor/noto-sans); DejaVu Sans from the system otherwise.
LETTERTYPEN = {
    (400, "normal"): "vendor/noto-sans/files/noto-sans-latin-400-normal.woff",
    (700, "normal"): "vendor/noto-sans/files/noto-sans-latin-700-normal.woff",
    (400, "italic"): "vendor/noto-sans/files/noto-sans-latin-400-italic.woff",
    (700, "italic"): "vendor/noto-sans/files/noto-sans-latin-700-italic.woff",
}


class AlleenLokaleBestanden(URLFetcher):
    """Fetches file: URLs under the given folders and data: URLs; refuses everything else (http, https, ftp)."""

    def __init__(self, mappen):
        super().__init__(allowed_protocols=("file", "data"))
        self.mappen = [Path(m).resolve() for m in mappen]

    def fetch(self, url, headers=None):
        delen = urlsplit(url)
        if delen.scheme == "file":
            pad = Path(unquote(delen.path)).resolve()
            if not any(pad.is_relative_to(map) for map in self.mappen):
                raise ValueError(f"Buiten de toegestane mappen: {url}")
        elif delen.scheme != "data":
            raise ValueError(f"De PDF haalt niets van het netwerk: {url}")
        return super().fetch(url, headers)


def _bestand(pad: str) -> Path | None:
    gevonden = finders.find(pad)
    return Path(gevonden) if gevonden else None


def _lettertypen_css() -> str:
    regels = []
    for (gewicht, stijl), pad in LETTERTYPEN.items():
        bestand = _bestand(pad)
        if bestand is not None:
            regels.append(
                f'@font-face {{ font-family: "Noto Sans"; font-weight: {gewicht}; font-style: {stijl}; '
                f'src: url("{bestand.as_uri()}") format("woff"); }}'
            )
    return "\n".join(regels)


def _html(rapportage) -> str:
    lezer = AnonymousUser()
    return render_to_string(
        "rapportage/pdf/editie.html",
        {"rapportage": rapportage, "weergave": editie_weergave(rapportage, lezer), "user": lezer},
    )


def opmaken(rapportage) -> Document:
    """The edition laid out in pages (a WeasyPrint Document): what `pdf_maken` writes.

    Separate so the layout itself can be measured: whatever the text, no box may reach past its page
    (issue 30; tests/rapportage/test_pdf_lange_woorden.py).
    """
    stijlblad, kleuren = _bestand(STIJLBLAD), _bestand(PALET)
    lettertypen = [_bestand(pad) for pad in LETTERTYPEN.values()]
    mappen = {p.parent for p in [stijlblad, kleuren, *lettertypen] if p is not None}
    ophaler = AlleenLokaleBestanden(mappen or {settings.BASE_DIR / "static"})
    font_config = FontConfiguration()
    stijlbladen = [CSS(string=_lettertypen_css(), font_config=font_config, url_fetcher=ophaler)]
    for blad in (kleuren, stijlblad):
        if blad is not None:
            stijlbladen.append(CSS(filename=str(blad), font_config=font_config, url_fetcher=ophaler))
    document = HTML(string=_html(rapportage), base_url=str(settings.BASE_DIR), url_fetcher=ophaler)
    return document.render(stylesheets=stijlbladen, font_config=font_config, pdf_variant=PDF_VARIANT)


def pdf_maken(rapportage) -> bytes:
    """The edition as a tagged A4 PDF in Dutch: cover, contents with page numbers, every section."""
    return opmaken(rapportage).write_pdf(pdf_variant=PDF_VARIANT)
