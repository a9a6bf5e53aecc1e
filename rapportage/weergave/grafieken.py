"""
The charts of an edition as SVG, drawn on the server from its snapshot: no JavaScript, nothing fetched.

Hand-written SVG rather than a plotting library: three simple bar charts do not need one, and this way every
label is a real <text> (searchable and read aloud, in the page and in the PDF), the markup is small and stable,
and nothing depends on fonts or a renderer at build time. Each chart is readable in black and white: the
series differ by pattern as well as colour, and every value stands beside its bar. Every chart has
`role="img"` with a <title> and <desc>, and the templates put a table with the same figures beside it.

Every text that comes from the snapshot is escaped before the SVG is marked safe. The colours are kern.palet's,
the same as the plotly charts and the stylesheets.
"""

from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kern import grafiekstijl, palet
from rapportage.weergave.financien import besparingen_per_jaar
from rapportage.weergave.sociaal_domein import heeft_standen, piramide_rijen
from rapportage.weergave.tekst import cijfer_tekst

LETTERTYPE = "Noto Sans, DejaVu Sans, Arial, sans-serif"
INKT = palet.INKT
BREEDTE = 720

# RAG status: a fill and a pattern each, so the four differ in black and white too (WCAG 1.4.1). The fills are
# the stoplight's light variant (kern.palet), the colour of the status badges in the table beside the chart.
RAG_REEKSEN = (
    ("groen", "Op koers (groen)", palet.STOPLICHT["groen"].licht, None),
    ("oranje", "Aandacht nodig (oranje)", palet.STOPLICHT["oranje"].licht, "schuin"),
    ("rood", "Bijsturing nodig (rood)", palet.STOPLICHT["rood"].licht, "ruit"),
    ("onbekend", "Nog geen update", palet.STOPLICHT["onbekend"].licht, "stip"),
)


def _attrs(**attrs) -> str:
    return " ".join(f'{naam.rstrip("_").replace("_", "-")}="{escape(str(w))}"' for naam, w in attrs.items())


def _breedte_tekst(tekst: str, grootte: float) -> float:
    """A rough width of a text in Noto Sans, enough to keep labels apart."""
    return len(tekst) * grootte * 0.56


class _Svg:
    """A small SVG document; `tekst()` escapes its content, so only this class writes markup."""

    def __init__(self, naam: str, hoogte: float, titel: str, beschrijving: str):
        self.naam = naam
        self.hoogte = hoogte
        self.titel = titel
        self.beschrijving = beschrijving
        self.defs: list[str] = []
        self.delen: list[str] = []

    def id(self, deel: str) -> str:
        return f"grafiek-{self.naam}-{deel}"

    def patroon(self, soort: str, kleur: str) -> str:
        """A fill: `kleur` with hatching (schuin), cross-hatching (ruit) or dots (stip); its url()."""
        pid = self.id(f"patroon-{soort}")
        teken = {
            "schuin": f'<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {_attrs(stroke=INKT, stroke_width=1.2)}/>',
            "ruit": f'<path d="M0,0 l8,8 M8,0 l-8,8" {_attrs(stroke=INKT, stroke_width=1.2)}/>',
            "stip": f"<circle {_attrs(cx=4, cy=4, r=1.3, fill=INKT)}/>",
        }[soort]
        self.defs.append(
            f"<pattern {_attrs(id=pid, width=8, height=8, patternUnits='userSpaceOnUse')}>"
            f"<rect {_attrs(width=8, height=8, fill=kleur)}/>{teken}</pattern>"
        )
        return f"url(#{pid})"

    def rect(self, x, y, breedte, hoogte, vulling, rand=INKT):
        self.delen.append(
            f"<rect {_attrs(x=_r(x), y=_r(y), width=_r(max(breedte, 0)), height=_r(max(hoogte, 0)), fill=vulling, stroke=rand, stroke_width=0.8)}/>"
        )

    def lijn(self, x1, y1, x2, y2, dikte=1, kleur=INKT):
        self.delen.append(
            f"<line {_attrs(x1=_r(x1), y1=_r(y1), x2=_r(x2), y2=_r(y2), stroke=kleur, stroke_width=dikte)}/>"
        )

    def tekst(self, x, y, inhoud, anker="start", grootte=12, vet=False, achtergrond=False):
        if achtergrond:  # a white box keeps a label readable on a patterned bar
            breedte = _breedte_tekst(inhoud, grootte) + 6
            links = {"start": x - 3, "middle": x - breedte / 2, "end": x - breedte + 3}[anker]
            self.delen.append(
                f"<rect {_attrs(x=_r(links), y=_r(y - grootte), width=_r(breedte), height=_r(grootte + 4), fill=palet.WIT, rx=2)}/>"
            )
        self.delen.append(
            f"<text {_attrs(x=_r(x), y=_r(y), text_anchor=anker, font_size=grootte, font_weight=700 if vet else 400, fill=INKT)}>"
            f"{escape(inhoud)}</text>"
        )

    def render(self) -> SafeString:
        titel_id, beschrijving_id = self.id("titel"), self.id("beschrijving")
        kop = (
            f'<svg xmlns="http://www.w3.org/2000/svg" {_attrs(viewBox=f"0 0 {BREEDTE} {_r(self.hoogte)}", width="100%", role="img", aria_labelledby=f"{titel_id} {beschrijving_id}", font_family=LETTERTYPE, class_="app-svg-grafiek")}>'
            f"<title {_attrs(id=titel_id)}>{escape(self.titel)}</title>"
            f"<desc {_attrs(id=beschrijving_id)}>{escape(self.beschrijving)}</desc>"
        )
        defs = f"<defs>{''.join(self.defs)}</defs>" if self.defs else ""
        # Everything above went through escape(); this is the one place the markup is trusted.
        return mark_safe(kop + defs + "".join(self.delen) + "</svg>")  # noqa: S308


def _r(getal) -> str:
    """Coordinates with at most one decimal, so the markup is stable and small."""
    return f"{float(getal):.1f}".removesuffix(".0")


def _legenda(svg: _Svg, reeksen, y: float, x: float = 10) -> None:
    for label, vulling in reeksen:
        svg.rect(x, y - 11, 14, 14, vulling)
        svg.tekst(x + 20, y, label, grootte=12)
        x += 20 + _breedte_tekst(label, 12) + 22


def _schaal(laagste: Decimal, hoogste: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """A 'nice' axis from `laagste` to `hoogste` (both including 0): its low end, high end and step."""
    bereik = (hoogste - laagste) or Decimal(1)
    ruwe_stap = bereik / 4
    macht = Decimal(10) ** (len(str(int(ruwe_stap))) - 1) if ruwe_stap >= 1 else Decimal(1)
    stap = next(f * macht for f in (1, 2, 5, 10) if f * macht >= ruwe_stap)
    onder = (laagste / stap).to_integral_value(rounding="ROUND_FLOOR") * stap
    boven = (hoogste / stap).to_integral_value(rounding="ROUND_CEILING") * stap
    return onder, (boven if boven > onder else onder + stap), stap


# --- (a) activities per actielijn by RAG status ----------------------------------------------------------


def voortgang(voortgang: dict) -> SafeString:
    """Stacked horizontal bars: per actielijn the number of activities per RAG status, with their counts."""
    lijnen = voortgang.get("actielijnen", [])
    svg = _Svg(
        "voortgang",
        hoogte=56 + 40 * len(lijnen) + 10,
        titel="Activiteiten per actielijn naar stoplichtkleur",
        beschrijving="Gestapelde staven: per actielijn het aantal activiteiten op koers, met aandacht nodig, "
        "met bijsturing nodig en zonder update. De aantallen staan in de staven en in de tabel.",
    )
    vullingen = {
        sleutel: svg.patroon(patroon, kleur) if patroon else kleur
        for sleutel, _, kleur, patroon in RAG_REEKSEN
    }
    _legenda(svg, [(label, vullingen[sleutel]) for sleutel, label, _, _ in RAG_REEKSEN], y=20)
    links, rechts = 100, BREEDTE - 120
    grootste = max([lijn["aantal"] for lijn in lijnen] + [1])
    for i, lijn in enumerate(lijnen):
        y = 48 + 40 * i
        svg.tekst(links - 8, y + 17, f"Actielijn {lijn['nummer']}", anker="end", grootte=12, vet=True)
        x = links
        for sleutel, _, _, _ in RAG_REEKSEN:
            aantal = lijn.get(sleutel) or 0
            if not aantal:
                continue
            breedte = (rechts - links) * aantal / grootste
            svg.rect(x, y, breedte, 26, vullingen[sleutel])
            if breedte >= 18:
                svg.tekst(
                    x + breedte / 2,
                    y + 18,
                    str(aantal),
                    anker="middle",
                    grootte=12,
                    vet=True,
                    achtergrond=True,
                )
            x += breedte
        svg.tekst(
            x + 8, y + 18, f"{lijn['aantal']} activiteit{'' if lijn['aantal'] == 1 else 'en'}", grootte=12
        )
    svg.lijn(links, 42, links, 48 + 40 * len(lijnen) - 8)
    return svg.render()


# --- (b) savings planned vs realised per year ------------------------------------------------------------


def besparingen(financien: dict) -> SafeString:
    """Grouped bars per year: planned savings (taakstelling) beside realised savings, each with its amount."""
    rijen = besparingen_per_jaar(financien)
    reeksen = (("gepland", "Gepland (taakstelling)"), ("gerealiseerd", "Gerealiseerd"))
    svg = _Svg(
        "besparingen",
        hoogte=330,
        titel="Besparingen per jaar: gepland en gerealiseerd",
        beschrijving="Staven per jaar: de geplande besparing (taakstelling, gearceerd) naast de gerealiseerde "
        "besparing (effen), opgeteld over de domeinen. Bedragen staan bij de staven en in de tabel.",
    )
    vullingen = {"gepland": svg.patroon("schuin", palet.GEPLAND), "gerealiseerd": palet.GEREALISEERD}
    _legenda(svg, [(label, vullingen[sleutel]) for sleutel, label in reeksen], y=20)
    waarden = [Decimal(r[s]) for r in rijen for s, _ in reeksen if r[s] is not None]
    onder, boven, stap = _schaal(min(waarden + [Decimal(0)]), max(waarden + [Decimal(0)]))
    links, rechts, top, bodem = 110, BREEDTE - 10, 50, 290

    def y_van(bedrag: Decimal) -> float:
        return bodem - (bodem - top) * float((bedrag - onder) / (boven - onder))

    # The axis in the house style of the plotly charts (kern.grafiekstijl): "€ 1,5 mln"; the bars keep
    # their amounts in full.
    in_miljoenen = max(abs(onder), abs(boven)) >= grafiekstijl.MILJOEN
    tick = onder
    while tick <= boven:
        svg.lijn(links - 4, y_van(tick), rechts, y_van(tick), dikte=0.4, kleur=palet.GRIJS)
        svg.tekst(
            links - 8, y_van(tick) + 4, grafiekstijl.bedrag_kort(tick, in_miljoenen), anker="end", grootte=11
        )
        tick += stap
    nul = y_van(Decimal(0))
    svg.lijn(links, nul, rechts, nul, dikte=1.2)
    groep = (rechts - links) / max(len(rijen), 1)
    staaf = min(90, groep * 0.34)
    for i, rij in enumerate(rijen):
        midden = links + groep * (i + 0.5)
        svg.tekst(midden, bodem + 24, str(rij["jaar"]), anker="middle", grootte=12, vet=True)
        for j, (sleutel, _) in enumerate(reeksen):
            x = midden - staaf - 4 + j * (staaf + 8)
            if rij[sleutel] is None:
                svg.tekst(x + staaf / 2, nul - 6, "niet bekend", anker="middle", grootte=10)
                continue
            bedrag = Decimal(rij[sleutel])
            y = y_van(bedrag)
            svg.rect(x, min(y, nul), staaf, abs(nul - y), vullingen[sleutel])
            label_y = y - 6 if bedrag >= 0 else y + 14
            svg.tekst(
                x + staaf / 2,
                label_y,
                cijfer_tekst(bedrag, "bedrag"),
                anker="middle",
                grootte=10,
                achtergrond=True,
            )
    return svg.render()


# --- (c) the transformatiepiramide ----------------------------------------------------------------------


def piramide(piramide: dict, user=None) -> SafeString:
    """Clients per layer, one pyramid per period: centred bars, the top layer (maatwerk) on top.

    Counts of people below the threshold are not drawn for users who may not see them; "< 10" stands there.
    """
    user = user or AnonymousUser()
    perioden = piramide.get("perioden", [])
    rijen = piramide_rijen(piramide)
    svg = _Svg(
        "piramide",
        hoogte=40 + 44 * len(rijen) + 16,
        titel="Transformatiepiramide: cliënten per laag",
        beschrijving="Per periode een piramide: per laag het aantal cliënten als gecentreerde staaf met het "
        "aantal erbij, maatwerk bovenaan. De aantallen staan ook in de tabel.",
    )
    links = 190
    paneel = (BREEDTE - links - 10) / max(len(perioden), 1)
    zichtbaar = [
        a
        for rij in rijen
        for a in rij["aantallen"]
        if a is not None and cijfer_tekst(a, "aantal", user)[0] != "<"
    ]
    grootste = max(zichtbaar + [1])
    for p, periode in enumerate(perioden):
        midden = links + paneel * (p + 0.5)
        svg.tekst(midden, 20, str(periode), anker="middle", grootte=13, vet=True)
        for r, rij in enumerate(rijen):
            y = 34 + 44 * r
            if p == 0:
                svg.tekst(links - 10, y + 21, rij["laag"], anker="end", grootte=12)
            aantal = rij["aantallen"][p]
            tekst = cijfer_tekst(aantal, "aantal", user) if aantal is not None else "niet bekend"
            if aantal is None or tekst.startswith("<"):
                svg.tekst(midden, y + 21, tekst, anker="middle", grootte=12)
                continue
            breedte = max((paneel - 20) * aantal / grootste, 2)
            svg.rect(midden - breedte / 2, y, breedte, 32, palet.PIRAMIDE[min(r, len(palet.PIRAMIDE) - 1)])
            svg.tekst(midden, y + 21, tekst, anker="middle", grootte=12, vet=True, achtergrond=True)
    return svg.render()


def voor(inhoud: dict, user=None) -> dict[str, SafeString]:
    """The charts of an edition by name (voortgang, besparingen, piramide), those its snapshot has data for."""
    grafieken = {}
    if (inhoud.get("voortgang") or {}).get("actielijnen"):
        grafieken["voortgang"] = voortgang(inhoud["voortgang"])
    financien = inhoud.get("financien")
    if any(
        r["gepland"] is not None or r["gerealiseerd"] is not None for r in besparingen_per_jaar(financien)
    ):
        grafieken["besparingen"] = besparingen(financien)
    piramide_inhoud = (inhoud.get("sociaal_domein") or {}).get("piramide")
    if heeft_standen(piramide_inhoud):
        grafieken["piramide"] = piramide(piramide_inhoud, user)
    return grafieken
