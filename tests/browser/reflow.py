"""Reflow (WCAG 2.1 AA, 1.4.10): a page must not scroll sideways at a phone's width.

Data tables may scroll inside their own region (`.app-tabel-wrapper`, which WCAG allows for content that needs
two dimensions); the document itself never. Measured in the real browser after the page (and its charts) laid out.
"""

# Widths the browser tests use: a phone (iPhone 12–15), WCAG's 320 CSS pixels (1.280 px at 400 %), a desktop.
TELEFOON = 390
WCAG_MINIMUM = 320
DESKTOP = 1280


def breedte_zetten(page, breedte: int) -> None:
    """Give the page a viewport of `breedte` CSS pixels wide (height fixed; only the width matters for reflow)."""
    page.set_viewport_size({"width": breedte, "height": 900})


# True once the window is `breedte` px wide and every drawn plotly chart has been redrawn for its container's new
# width. Plotly (config `responsive`) redraws about 100 ms after the resize event; until then the chart keeps its
# old SVG, which may stick out. A chart not drawn (yet) or hidden has nothing to redraw.
_OPGEMAAKT_OP_BREEDTE = """(breedte) => window.innerWidth === breedte &&
  Array.from(document.querySelectorAll('[data-grafiek]')).every((grafiek) => {
    const svg = grafiek.querySelector('svg.main-svg');
    if (!svg || grafiek.getClientRects().length === 0) { return true; }
    const vak = parseFloat(getComputedStyle(grafiek).width);
    return !grafiek._resolveResize && Math.abs(svg.getBoundingClientRect().width - vak) <= 1;
  })"""


# True once every chart on the page is drawn (static/js/grafiek.js draws each [data-grafiek] whose figure is on the
# page, when plotly is loaded).
_GRAFIEKEN_GETEKEND = """() => typeof Plotly === 'undefined' ||
  Array.from(document.querySelectorAll('[data-grafiek]')).every((grafiek) =>
    !document.getElementById(grafiek.dataset.grafiek) || grafiek.querySelector('svg.main-svg'))"""


def pagina_klaar(page) -> None:
    """After page.goto (which waits for the load event): wait until the page has its final layout, web fonts loaded
    and charts drawn. Conditions instead of `networkidle`, which always waits half a second without requests."""
    page.wait_for_load_state("load")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.wait_for_function(_GRAFIEKEN_GETEKEND)


def opmaak_afwachten(page, breedte: int) -> None:
    """After breedte_zetten on a loaded page: wait until the page is laid out at `breedte`, charts redrawn."""
    page.wait_for_function(_OPGEMAAKT_OP_BREEDTE, arg=breedte)


def zijwaartse_overloop(page) -> dict:
    """How far the document is wider than the viewport, and the widest elements that stick out (for the message).

    Returns {"overloop": px, "boosdoeners": [selector-ish strings]}; overloop 0 means no sideways scrolling.
    """
    return page.evaluate(
        """() => {
          const doc = document.documentElement;
          const breedte = doc.clientWidth;
          const overloop = Math.max(doc.scrollWidth, document.body.scrollWidth) - breedte;
          const boosdoeners = [];
          if (overloop > 0) {
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.right > breedte + 1 && r.width > 0) {
                // Skip descendants of a scrolling region: they may be wider, their region scrolls.
                let binnenRegio = false;
                for (let p = el.parentElement; p; p = p.parentElement) {
                  const ox = getComputedStyle(p).overflowX;
                  if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') { binnenRegio = true; break; }
                }
                if (!binnenRegio) {
                  boosdoeners.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
                    ' (' + Math.round(r.right) + 'px)');
                }
              }
              if (boosdoeners.length >= 8) break;
            }
          }
          return {overloop: Math.max(overloop, 0), boosdoeners: boosdoeners};
        }"""
    )


def assert_geen_zijwaarts_scrollen(page, omschrijving: str = "") -> None:
    """Fail with the elements that stick out when the document is wider than the viewport."""
    meting = zijwaartse_overloop(page)
    assert meting["overloop"] == 0, (
        f"{omschrijving or page.url}: de pagina schuift {meting['overloop']} px opzij bij "
        f"{page.viewport_size['width']} px breed; uitstekend: {meting['boosdoeners']}"
    )
