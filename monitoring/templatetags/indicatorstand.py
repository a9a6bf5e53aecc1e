"""Where an indicator stands, in words, on the live pages (`{% load indicatorstand %}`).

`{% koers stand %}`, `{% afstand stand %}`, `{% trend stand %}` take a `monitoring.selectors.IndicatorStand` and
format its values for the page's user (counts of people below the threshold stay hidden); the words come from
monitoring/koers.py, which an edition's snapshot uses too.
"""

from django import template
from django.utils.html import format_html

from monitoring import koers as uitleg
from monitoring.weergave import verborgen, waarde_tekst

register = template.Library()

NIET_GETOOND = "niet getoond (kleine aantallen)"


def _punt(meting):
    if meting is None:
        return None
    return uitleg.Punt(meting.periode, meting.waarde, getattr(meting, "decimalen", None))


def _tekst(eenheid, user):
    return lambda p: waarde_tekst(p.waarde, eenheid, user, decimalen=p.decimalen)


def _verborgen(meting, user) -> bool:
    return meting is not None and verborgen(meting.waarde, meting.indicator.eenheid, user)


@register.simple_tag(takes_context=True)
def koers(context, stand) -> str:
    """'Op koers', 'Niet op koers', or why it cannot be said (with the next target)."""
    eenheid, user = stand.indicator.eenheid, context.get("user")
    return uitleg.koers_tekst(
        realisatie=_punt(stand.laatste_realisatie),
        streefwaarde=_punt(stand.streefwaarde),
        volgende=_punt(stand.volgende_streefwaarde),
        richting=stand.indicator.richting,
        heeft_streefwaarden=bool(stand.streefwaarden),
        tekst=_tekst(eenheid, user),
    )


@register.filter
def koers_klasse(stand) -> str:
    """The badge colour: groen on course, rood off course, onbekend when it cannot be said."""
    return {True: "groen", False: "rood"}.get(stand.op_koers, "onbekend")


@register.simple_tag(takes_context=True)
def afstand(context, stand) -> str:
    """The way from the latest realisation to the next target, in words."""
    user = context.get("user")
    if _verborgen(stand.laatste_realisatie, user) or _verborgen(stand.volgende_streefwaarde, user):
        return NIET_GETOOND
    decimalen = uitleg.decimalen_van(_punt(stand.laatste_realisatie), _punt(stand.volgende_streefwaarde))
    return uitleg.afstand_tekst(stand.afstand, stand.indicator.eenheid, stand.indicator.richting, decimalen)


@register.simple_tag(takes_context=True)
def trend(context, stand):
    """The realisations as a sparkline (with their values as its text) and the last movement in words."""
    user = context.get("user")
    if any(_verborgen(m, user) for m in stand.realisaties):
        return NIET_GETOOND
    eenheid = stand.indicator.eenheid
    punten = [_punt(m) for m in stand.realisaties]
    lijn = uitleg.sparkline(
        [p.waarde for p in punten],
        uitleg.reeks_tekst(punten, _tekst(eenheid, user)),
    )
    return format_html(
        '<span class="app-trend">{} {}</span>', lijn, uitleg.trend_tekst(punten, stand.indicator.richting)
    )


def _notitie(notitie, rij: str) -> dict:
    return {
        "rij": rij,
        "betreft": notitie.betreft,
        "citaat": notitie.citaat,
        "bron": notitie.bron,
        "toelichting": notitie.toelichting,
        "ernst_label": notitie.get_ernst_display(),
    }


@register.filter
def notities_bij(standen, zonder_doel=False) -> list[dict]:
    """The notes on a table's indicators and on their goals, each once, with the row or goal it concerns.

    `notities_bij:"zonder doel"` leaves the goals' notes out, for a page that shows them above the table.
    """
    gezien, rijen = set(), []
    for stand in standen or ():
        for notitie in stand.notities:
            if notitie.pk not in gezien:
                gezien.add(notitie.pk)
                rijen.append(_notitie(notitie, stand.indicator.code))
        if zonder_doel:
            continue
        doel = stand.indicator.doel
        for notitie in stand.doel_notities:
            if notitie.pk not in gezien:
                gezien.add(notitie.pk)
                code = doel.code if notitie.object_id == doel.pk else doel.ouder.code
                rijen.append(_notitie(notitie, f"doel {code}"))
    return rijen
