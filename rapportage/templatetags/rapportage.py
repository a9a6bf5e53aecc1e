"""
How an edition's snapshot is shown: Dutch notation of its figures, its dates and years, and the few groupings
its sections need (`{% load rapportage %}`).

The snapshot stores figures as decimal strings ("47.3000") and dates as ISO strings; every page, chart and
file shows them through `cijfer_tekst()`, which is `monitoring.weergave.waarde_tekst` (so counts of people
below the threshold read "< 10" for whoever may not see them), with a non-breaking space after the euro sign.
Without a user (exports, charts) the anonymous reader's rules apply.
"""

from datetime import date, datetime
from decimal import Decimal

from django import template
from django.contrib.auth.models import AnonymousUser
from django.utils.html import format_html

from kern import notatie
from kern.notatie import periode_tekst
from monitoring import koers
from monitoring.weergave import verborgen, waarde_tekst
from rapportage.constants import MotieStatus, Sectie

register = template.Library()

RISICO_NIET_BEOORDEELD = "niet beoordeeld"
NIET_GETOOND = "niet getoond (kleine aantallen)"


def cijfer_tekst(
    waarde, eenheid: str = "", user=None, telt_personen: bool | None = None, decimalen: int | None = None
) -> str:
    """One figure from the snapshot in Dutch notation: 47,3%  1.605  € 1.114.000  6,5; '–' when absent.

    `decimalen`: the precision the source wrote the figure in (a meting's), when the snapshot has it.
    """
    if waarde in (None, ""):
        return "–"
    extra = {"decimalen": decimalen} if decimalen is not None else {}
    tekst = waarde_tekst(
        Decimal(waarde), eenheid, user or AnonymousUser(), telt_personen=telt_personen, **extra
    )
    return tekst.replace("€ ", "€\u00a0")


def als_datum(waarde) -> date | None:
    """A date from the snapshot (ISO string) or an edition's field (date or datetime)."""
    if not waarde:
        return None
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    return date.fromisoformat(str(waarde)[:10])


def datum_tekst(waarde) -> str:
    """'1 januari 2025'; '–' when there is no date."""
    datum = als_datum(waarde)
    if datum is None:
        return "–"
    return notatie.datum_tekst(datum)


# --- filters and tags ----------------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def waarde(context, getal, eenheid="", personen=None, decimalen=None):
    """`{% waarde meting.waarde indicator.eenheid %}`: small counts of people hidden from the context's user."""
    return cijfer_tekst(getal, eenheid, context.get("user"), telt_personen=personen, decimalen=decimalen)


@register.simple_tag(takes_context=True)
def meting(context, meting_dict, eenheid=""):
    """`{% meting indicator.realisatie indicator.eenheid %}`: a snapshot meting as '47,3% (2022)'; '–' when absent."""
    if not meting_dict:
        return "–"
    tekst = cijfer_tekst(
        meting_dict.get("waarde"), eenheid, context.get("user"), decimalen=meting_dict.get("decimalen")
    )
    return f"{tekst} ({periode_tekst(meting_dict.get('periode'))})"


@register.filter
def cijfer(getal, eenheid=""):
    """`{{ x|cijfer:"percentage" }}` for figures that are not counts of people (a count is shown as to the public)."""
    return cijfer_tekst(getal, eenheid)


@register.filter
def bedrag(getal):
    return cijfer_tekst(getal, "bedrag")


@register.filter
def percentage(getal):
    return cijfer_tekst(getal, "percentage")


@register.filter
def datum_nl(waarde):
    return datum_tekst(waarde)


@register.filter
def jaartal(jaar):
    """A year as it is written: 2023, never 2.023."""
    if jaar in (None, ""):
        return ""
    return str(int(jaar))


@register.filter
def sleutel(woordenboek, naam):
    """`{{ rij.scenarios|sleutel:scenario.nummer }}`: JSON keys are strings, whatever the template passes."""
    return (woordenboek or {}).get(str(naam))


@register.filter
def motiestatus(status):
    return MotieStatus(status).label if status in MotieStatus.values else ""


@register.filter
def kans_maal_impact(risico) -> str:
    if risico.get("kans") is None or risico.get("impact") is None:
        return RISICO_NIET_BEOORDEELD
    score = risico.get("score")
    if score is None:
        score = risico["kans"] * risico["impact"]
    return f"{risico['kans']} × {risico['impact']} = {score}"


@register.simple_tag
def secties(toelichtingen=None):
    """The sections in the order of the annex, each with its manager's text and its partial template."""
    toelichtingen = toelichtingen or {}
    return [
        {
            "sleutel": sectie.value,
            "label": sectie.label,
            "toelichting": toelichtingen.get(sectie.value, ""),
            "template": f"rapportage/secties/{sectie.value}.html",
        }
        for sectie in Sectie
    ]


@register.filter
def kernindicatoren(indicatoren):
    return [i for i in indicatoren or () if not i.get("clientervaring")]


@register.filter
def clientervaring(indicatoren):
    return [i for i in indicatoren or () if i.get("clientervaring")]


def _punt(meting_dict: dict | None):
    if not meting_dict:
        return None
    return koers.punt(meting_dict.get("periode"), meting_dict.get("waarde"), meting_dict.get("decimalen"))


def _punt_tekst(eenheid: str):
    return lambda p: cijfer_tekst(p.waarde, eenheid, decimalen=p.decimalen)


def volgende_streefwaarde(indicator: dict) -> dict | None:
    """The first target after the latest realisation's year (after the peil year without a realisation).

    Editions made before this was stored carry their targets, so it is read from those: still only the edition.
    """
    if "volgende_streefwaarde" in indicator:
        return indicator["volgende_streefwaarde"]
    basis = indicator.get("realisatie") or indicator.get("peilwaarde")
    jaar = _punt(basis).jaar if _punt(basis) else None
    punten = [_punt(s) for s in indicator.get("streefwaarden") or ()]
    volgende = koers.volgende_streefwaarde([p for p in punten if p], jaar)
    if volgende is None:
        return None
    return next(s for s in indicator["streefwaarden"] if s and s.get("periode") == volgende.periode)


register.filter("volgende_streefwaarde", volgende_streefwaarde)


def koers_tekst(indicator: dict) -> str:
    """On or off course where a target of the realisation's year exists; otherwise why it cannot be said."""
    if indicator.get("op_koers") is True:
        return "Op koers"
    if indicator.get("op_koers") is False:
        return "Niet op koers"
    return koers.koers_tekst(
        realisatie=_punt(indicator.get("realisatie")),
        streefwaarde=_punt(indicator.get("streefwaarde")),
        volgende=_punt(volgende_streefwaarde(indicator)),
        richting=indicator.get("richting", ""),
        heeft_streefwaarden=bool(indicator.get("streefwaarden")),
        tekst=_punt_tekst(indicator.get("eenheid", "")),
    )


def _verborgen(indicator: dict, *metingen) -> bool:
    """Whether any of these figures is a count of people the public may not see."""
    return any(
        m
        and m.get("waarde") not in (None, "")
        and verborgen(Decimal(m["waarde"]), indicator.get("eenheid", ""), AnonymousUser())
        for m in metingen
    )


def afstand_tekst(indicator: dict) -> str:
    """The way from the latest realisation to the next target, in words ('–' when either is missing)."""
    realisatie, volgende = indicator.get("realisatie"), volgende_streefwaarde(indicator)
    if _verborgen(indicator, realisatie, volgende):
        return NIET_GETOOND
    van, naar = _punt(realisatie), _punt(volgende)
    return koers.afstand_tekst(
        koers.afstand(van, naar),
        indicator.get("eenheid", ""),
        indicator.get("richting", ""),
        koers.decimalen_van(van, naar),
    )


register.filter("afstand", afstand_tekst)


def trend_tekst(indicator: dict) -> str:
    """The last movement of the realisations in words, with an arrow."""
    realisaties = indicator.get("realisaties") or ()
    if _verborgen(indicator, *realisaties):
        return NIET_GETOOND
    return koers.trend_tekst([p for p in map(_punt, realisaties) if p], indicator.get("richting", ""))


@register.filter
def trend(indicator: dict):
    """The realisations as a sparkline (its text: every value) beside the last movement in words."""
    realisaties = indicator.get("realisaties") or ()
    if _verborgen(indicator, *realisaties):
        return NIET_GETOOND
    punten = [p for p in map(_punt, realisaties) if p]
    lijn = koers.sparkline(
        [p.waarde for p in punten], koers.reeks_tekst(punten, _punt_tekst(indicator.get("eenheid", "")))
    )
    return format_html('<span class="app-trend">{} {}</span>', lijn, trend_tekst(indicator))


@register.filter
def indicator_notities(indicatoren) -> list[dict]:
    """The notes of an indicator table: each row's own, then its goal's (once per goal), with what they concern."""
    gezien, rijen = set(), []
    for indicator in indicatoren or ():
        for notitie in indicator.get("notities", ()):
            rijen.append({**notitie, "rij": indicator.get("code", "")})
        for notitie in indicator.get("doel_notities", ()):
            if notitie.get("sleutel") not in gezien:
                gezien.add(notitie.get("sleutel"))
                rijen.append({**notitie, "rij": f"doel {notitie.get('doel', '')}"})
    return rijen


register.filter("koers", koers_tekst)


@register.filter
def bronnen(indicatoren) -> list[str]:
    """Every source the indicators' figures cite, once, in order of first mention."""
    gezien = {}
    for indicator in indicatoren or ():
        metingen = [
            indicator.get("peilwaarde"),
            indicator.get("realisatie"),
            *indicator.get("streefwaarden", ()),
        ]
        for bron in [indicator.get("bron"), *(m["bron"] for m in metingen if m)]:
            if bron:
                gezien.setdefault(bron, None)
    return list(gezien)


@register.filter
def notities_van(rijen) -> list[dict]:
    """The data-quality notes of a table's rows, each with the row it concerns (`code` or `naam`)."""
    return [
        {**notitie, "rij": rij.get("code") or rij.get("naam", "")}
        for rij in rijen or ()
        for notitie in rij.get("notities", ())
    ]


@register.filter
def per_onderwerp(kerncijfers) -> list[dict]:
    """Kerncijfers grouped by onderwerp, in order of first appearance."""
    groepen: dict[str, dict] = {}
    for kerncijfer in kerncijfers or ():
        groep = groepen.setdefault(
            kerncijfer["onderwerp"],
            {"onderwerp": kerncijfer["onderwerp"], "label": kerncijfer["onderwerp_label"], "kerncijfers": []},
        )
        groep["kerncijfers"].append(kerncijfer)
    return list(groepen.values())


def piramide_rijen(piramide: dict) -> list[dict]:
    """One row per layer, top of the pyramid (highest `volgorde`) first, with its count per period."""
    standen = {(s["periode"], s["laag"]): s["aantal"] for s in piramide.get("standen", ())}
    lagen = sorted(piramide.get("lagen", ()), key=lambda laag: -laag["volgorde"])
    return [
        {
            "laag": laag["naam"],
            "aantallen": [standen.get((p, laag["naam"])) for p in piramide.get("perioden", ())],
        }
        for laag in lagen
    ]


register.filter("piramide_rijen", piramide_rijen)


def heeft_standen(piramide: dict | None) -> bool:
    return any(s.get("aantal") is not None for s in (piramide or {}).get("standen", ()))


register.filter("heeft_standen", heeft_standen)


def besparingen_per_jaar(financien: dict | None) -> list[dict]:
    """Planned (taakstelling) and realised savings per year, summed over the domains; None where unknown.

    Realised savings are the snapshot's own totals (`gerealiseerd_totaal`); structural rows (no year) are
    left out, the table per domain shows them.
    """
    if not financien:
        return []
    rijen = []
    for jaar in financien.get("jaren", ()):
        gepland = [
            Decimal(r["taakstelling"]) for r in financien["rijen"] if r["jaar"] == jaar and r["taakstelling"]
        ]
        gerealiseerd = financien.get("gerealiseerd_totaal", {}).get(str(jaar))
        rijen.append(
            {
                "jaar": jaar,
                "gepland": str(sum(gepland)) if gepland else None,
                "gerealiseerd": gerealiseerd,
            }
        )
    return rijen


register.filter("besparingen_per_jaar", besparingen_per_jaar)


@register.filter
def budgetgroepen(financien) -> list[dict]:
    return [
        {"label": "Transformatiebudget", "bedragen": financien.get("budget", [])},
        {"label": "Structurele investeringen", "bedragen": financien.get("investeringen", [])},
    ]


@register.filter
def activiteiten_van(activiteiten, nummer) -> list[dict]:
    return [a for a in activiteiten or () if a["actielijn"] == nummer]


@register.filter
def mijlpalen_met_stand(mijlpalen, stand) -> list[dict]:
    return [m for m in mijlpalen or () if m["stand"] == stand]


@register.filter
def afwijkende_totalen(financien) -> list[dict]:
    """The printed scenario totals that differ from the sum of the domains, each with its scenario number."""
    return [
        {"scenario": scenario["nummer"], **totaal}
        for scenario in (financien or {}).get("scenarios", [])
        for totaal in scenario.get("gedrukte_totalen", [])
        if totaal["wijkt_af"]
    ]


@register.filter
def geen_afbreking(tekst) -> str:
    """A printed cell such as '€ 1.506' that never wraps between the euro sign and the figure."""
    return str(tekst or "").replace("€ ", "€\u00a0")
