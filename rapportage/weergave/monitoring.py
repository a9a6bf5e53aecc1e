"""
Monitoring en sturing: per indicator of the snapshot where it stands against its targets, in words.

The verdicts (`koers_tekst`, `afstand_tekst`, `trend_tekst`) are monitoring.koers's, the same sentences as the
live indicator pages; here they read the snapshot's dicts. Editions made before the next target, the trend and
the goals' notes were stored still render: what is missing is derived from what is there.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.utils.html import format_html
from django.utils.safestring import SafeString

from monitoring import koers
from monitoring.weergave import verborgen
from rapportage.weergave.notities import Notitie, notitie
from rapportage.weergave.tekst import LEEG, NIET_GETOOND, cijfer_tekst, meting_tekst


def _punt(meting: dict | None):
    if not meting:
        return None
    return koers.punt(meting.get("periode"), meting.get("waarde"), meting.get("decimalen"))


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


def trend_tekst(indicator: dict) -> str:
    """The last movement of the realisations in words, with an arrow."""
    realisaties = indicator.get("realisaties") or ()
    if _verborgen(indicator, *realisaties):
        return NIET_GETOOND
    return koers.trend_tekst([p for p in map(_punt, realisaties) if p], indicator.get("richting", ""))


def trend_html(indicator: dict, tekst: str | None = None) -> SafeString | str:
    """The realisations as a sparkline (its text: every value) beside the last movement in words (`tekst`)."""
    realisaties = indicator.get("realisaties") or ()
    if _verborgen(indicator, *realisaties):
        return NIET_GETOOND
    punten = [p for p in map(_punt, realisaties) if p]
    lijn = koers.sparkline(
        [p.waarde for p in punten], koers.reeks_tekst(punten, _punt_tekst(indicator.get("eenheid", "")))
    )
    tekst = trend_tekst(indicator) if tekst is None else tekst
    return format_html('<span class="app-trend">{} {}</span>', lijn, tekst)


def indicator_notities(indicatoren) -> list[Notitie]:
    """The notes of an indicator table: each row's own, then its goal's (once per goal), with what they concern."""
    gezien, rijen = set(), []
    for indicator in indicatoren or ():
        for n in indicator.get("notities", ()):
            rijen.append(notitie(n, indicator.get("code", "")))
        for n in indicator.get("doel_notities", ()):
            if n.get("sleutel") not in gezien:
                gezien.add(n.get("sleutel"))
                rijen.append(notitie(n, f"doel {n.get('doel', '')}"))
    return rijen


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


# --- the section ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicatorrij:
    """One indicator as its table row shows it; `gegevens` is the snapshot's dict (the files read its figures)."""

    kop: str
    peilwaarde: str
    realisatie: str
    streefwaarde: str
    volgende: str
    afstand: str
    richting: str
    trend: SafeString | str
    koers: str
    trend_tekst: str
    volgende_streefwaarde: dict | None
    gegevens: dict = field(repr=False)


def _realisatie(indicator: dict, user) -> str:
    realisatie = indicator.get("realisatie")
    if not realisatie:
        return "nog niet gemeten"
    voorlopig = ", voorlopig" if realisatie.get("status") == "voorlopig" else ""
    return meting_tekst(realisatie, indicator.get("eenheid", ""), user) + voorlopig


def _streefwaarde(indicator: dict, user) -> str:
    """The target of the realisation's year; 'geen voor 2021' when that year has none."""
    if indicator.get("streefwaarde"):
        return meting_tekst(indicator["streefwaarde"], indicator.get("eenheid", ""), user)
    if indicator.get("realisatie"):
        return f"geen voor {str(indicator['realisatie'].get('periode', ''))[:4]}"
    return LEEG


def indicatorrij(indicator: dict, user=None) -> Indicatorrij:
    eenheid = indicator.get("eenheid", "")
    volgende = volgende_streefwaarde(indicator)
    trend = trend_tekst(indicator)
    return Indicatorrij(
        kop=f"{indicator.get('code', '')} {indicator.get('naam', '')}",
        peilwaarde=meting_tekst(indicator.get("peilwaarde"), eenheid, user),
        realisatie=_realisatie(indicator, user),
        streefwaarde=_streefwaarde(indicator, user),
        volgende=meting_tekst(volgende, eenheid, user) if volgende else "geen",
        afstand=afstand_tekst(indicator),
        richting=str(indicator.get("richting_label", "")).lower(),
        trend=trend_html(indicator, trend),
        koers=koers_tekst(indicator),
        trend_tekst=trend,
        volgende_streefwaarde=volgende,
        gegevens=indicator,
    )


@dataclass(frozen=True)
class Indicatortabel:
    rijen: list[Indicatorrij]
    notities: list[Notitie]


def indicatortabel(indicatoren: list[dict], user=None) -> Indicatortabel:
    return Indicatortabel(
        rijen=[indicatorrij(i, user) for i in indicatoren], notities=indicator_notities(indicatoren)
    )


@dataclass(frozen=True)
class Monitoringweergave:
    """Core indicators, cliëntervaring (goal 6.2.6) in a table of its own, and every source they cite."""

    kern: Indicatortabel
    clientervaring: Indicatortabel
    bronnen: list[str]


def monitoring(inhoud: dict, user=None) -> Monitoringweergave:
    indicatoren = inhoud.get("indicatoren") or []
    return Monitoringweergave(
        kern=indicatortabel([i for i in indicatoren if not i.get("clientervaring")], user),
        clientervaring=indicatortabel([i for i in indicatoren if i.get("clientervaring")], user),
        bronnen=bronnen(indicatoren),
    )
