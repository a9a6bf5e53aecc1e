"""
The snapshot an edition stores: everything its pages, charts and exports show, as plain JSON.

Built once, from the same selectors the live pages read, as of the edition's peildatum; never recomputed.
Figures are stored as decimal strings ("47.3000"), dates as ISO strings, so a value reads back exactly as it
was. The layout (schema 1) is documented on `momentopname()`; the templates in templates/rapportage/secties/
and the exports in rapportage/export_*.py read it, and rapportage/vergelijking.py compares two of them.
"""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from actielijnen import selectors as programma
from actielijnen.constants import ActiviteitStatus, Fase
from bronnen.models import Brondocument
from bronnen.selectors import notities_van
from monitoring import selectors as monitoring
from monitoring.constants import Domein, KerncijferOnderwerp
from participatie.selectors.inbreng import inbreng_voor_editie
from rapportage.constants import MotieStatus

SCHEMA = 1
GEMEENTE = "Gemeente Hengelo"
PROGRAMMA = "Transformatie Sociaal Domein"
# The plan an edition reports on: read from the stored source document (bronnen.Brondocument "000").
UITVOERINGSPLAN = "000"
# Indicators of goal 6.2.6 measure cliëntervaring; editions show them in a table of their own.
CLIENTERVARING_DOEL = "6.2.6"


def _getal(waarde) -> str | None:
    return None if waarde is None else str(Decimal(waarde))


def _datum(waarde: date | None) -> str | None:
    return waarde.isoformat() if waarde else None


def _notitie(notitie) -> dict:
    return {
        "betreft": notitie.betreft,
        "citaat": notitie.citaat,
        "bron": notitie.bron,
        "toelichting": notitie.toelichting,
        "ernst": notitie.ernst,
        "ernst_label": notitie.get_ernst_display(),
    }


def _uitvoeringsplan() -> dict | None:
    """Title, zaaknummer and date of the Uitvoeringsplan as stored; None when the sources are not loaded."""
    plan = Brondocument.objects.filter(code=UITVOERINGSPLAN).first()
    if plan is None:
        return None
    return {"titel": plan.titel, "zaaknummer": plan.zaaknummer, "datum": _datum(plan.datum)}


def _meting(meting) -> dict | None:
    if meting is None:
        return None
    return {
        "periode": meting.periode,
        "waarde": _getal(meting.waarde),
        "bron": meting.bron,
        "status": meting.status,
        "decimalen": getattr(meting, "decimalen", None),
    }


def momentopname(*, peildatum: date, vorige=None, moties=()) -> dict:
    """Everything an edition shows as of `peildatum`.

    `vorige` is the previous published edition's snapshot (risk changes and motie statuses are reported since
    then); `moties` the Motie objects to list (with `activiteiten` and `indicatoren` prefetched).

    Keys: schema, gemeente, programma, uitvoeringsplan, peildatum, gemaakt_op, vorige_peildatum,
    voortgang {actielijnen, totaal, activiteiten, mijlpalen}, indicatoren [...], financien {...} | None,
    risicos {actief, wijzigingen, sinds}, sociaal_domein {kerncijfers, piramide}, moties [...],
    participatie {inbreng [...]}: the contributions processed by the peildatum, never a person's name (editions
    stored before issue 16 have no `participatie`; readers use participatie.selectors.inbreng.editie_inbreng).
    """
    vorige_peildatum = (vorige or {}).get("peildatum")
    return {
        "schema": SCHEMA,
        "gemeente": GEMEENTE,
        "programma": PROGRAMMA,
        "uitvoeringsplan": _uitvoeringsplan(),
        "peildatum": peildatum.isoformat(),
        "gemaakt_op": timezone.now().isoformat(timespec="seconds"),
        "vorige_peildatum": vorige_peildatum,
        "voortgang": _voortgang(peildatum),
        "indicatoren": _indicatoren(peildatum),
        "financien": _financien(peildatum),
        "risicos": _risicos(peildatum, date.fromisoformat(vorige_peildatum) if vorige_peildatum else None),
        "sociaal_domein": _sociaal_domein(),
        "moties": _moties(moties, vorige),
        "participatie": {"inbreng": inbreng_voor_editie(peildatum)},
    }


def _telling(lijn) -> dict:
    return {
        "aantal": lijn.aantal,
        "gestart": lijn.gestart,
        "afgerond": lijn.afgerond,
        "groen": lijn.groen,
        "oranje": lijn.oranje,
        "rood": lijn.rood,
        "onbekend": lijn.onbekend,
        # Activities of §2.1 off the agenda 2023: listed, never counted in the figures above.
        "niet_op_agenda": lijn.aantal_niet_op_agenda,
        "gemiddeld_gereed": _getal(round(Decimal(lijn.gemiddeld_gereed), 1))
        if lijn.gemiddeld_gereed is not None
        else None,
        # Counted from activities whose stoplight the demo invented (kern/herkomst.py): the edition marks it.
        "voorbeeld": lijn.voorbeeld,
    }


def _voortgang(peildatum: date) -> dict:
    per_lijn, totaal = programma.voortgang_per_actielijn(peildatum=peildatum)
    # The sources' notes on the actielijnen and activities (a name as printed, a layer left empty): one query.
    notities = notities_van(
        [lijn.actielijn for lijn in per_lijn]
        + [stand.activiteit for lijn in per_lijn for stand in lijn.standen + lijn.niet_op_agenda]
    )
    activiteiten = []
    for lijn in per_lijn:
        for stand in sorted(lijn.standen + lijn.niet_op_agenda, key=lambda s: s.activiteit.volgorde):
            a = stand.activiteit
            activiteiten.append(
                {
                    "sleutel": a.sleutel,
                    "code": a.code,
                    "naam": a.naam,
                    "actielijn": lijn.actielijn.nummer,
                    "status": stand.status,
                    "op_agenda_2023": a.op_agenda_2023,
                    "status_label": ActiviteitStatus(stand.status).label
                    if a.op_agenda_2023
                    else "Niet op de agenda 2023",
                    "rag": stand.rag_woord,
                    "rag_label": stand.rag_label,
                    "percentage": stand.percentage,
                    "fase": stand.fase,
                    "fase_label": Fase(stand.fase).label if stand.fase else "",
                    "laatste_update": _datum(stand.laatste_update),
                    "voorbeeld": stand.voorbeeld,
                    "notities": [_notitie(n) for n in notities.get(a, [])],
                }
            )
    mijlpalen = [
        {
            "activiteit": m.activiteit.sleutel,
            "activiteit_naam": m.activiteit.naam,
            "actielijn": m.activiteit.actielijn.nummer,
            "omschrijving": m.omschrijving,
            "datum_gepland": _datum(m.datum_gepland),
            "datum_bereikt": _datum(m.datum_bereikt)
            if m.datum_bereikt and m.datum_bereikt <= peildatum
            else None,
            "stand": "bereikt" if m.datum_bereikt and m.datum_bereikt <= peildatum else "gemist",
            "voorbeeld": m.voorbeeld,
        }
        for m in programma.mijlpalen_op(peildatum)
        if (m.datum_bereikt and m.datum_bereikt <= peildatum) or m.datum_gepland < peildatum
    ]
    return {
        "actielijnen": [
            {
                "nummer": lijn.actielijn.nummer,
                "naam": lijn.actielijn.naam,
                "beschrijving": lijn.actielijn.beschrijving,
                **_telling(lijn),
                "notities": [_notitie(n) for n in notities.get(lijn.actielijn, [])],
            }
            for lijn in per_lijn
        ],
        "totaal": _telling(totaal),
        "activiteiten": activiteiten,
        "mijlpalen": mijlpalen,
    }


def _doelcode(doel, notitie) -> str:
    """The code of the goal a note hangs on: the indicator's goal or its parent goal."""
    return doel.code if notitie.object_id == doel.pk else doel.ouder.code


def _indicatoren(peildatum: date) -> list[dict]:
    rijen = []
    for stand in monitoring.indicatoren_met_stand(peildatum=peildatum):
        indicator = stand.indicator
        rijen.append(
            {
                "code": indicator.code,
                "naam": indicator.naam,
                "doel_code": indicator.doel.code,
                "doel_omschrijving": indicator.doel.omschrijving,
                "eenheid": indicator.eenheid,
                "richting": indicator.richting,
                "richting_label": indicator.get_richting_display(),
                "bron": indicator.bron,
                "vindplaats": indicator.vindplaats,
                "clientervaring": indicator.doel.code.startswith(CLIENTERVARING_DOEL),
                "peilwaarde": _meting(stand.laatste_peilwaarde),
                "realisatie": _meting(stand.laatste_realisatie),
                "streefwaarde": _meting(stand.streefwaarde),
                "streefwaarden": [_meting(m) for m in stand.streefwaarden],
                "realisaties": [_meting(m) for m in stand.realisaties],
                "peilwaarden": [_meting(m) for m in stand.peilwaarden],
                "volgende_streefwaarde": _meting(stand.volgende_streefwaarde),
                "afstand": _getal(stand.afstand),  # the next target minus the latest realisation
                "op_koers": stand.op_koers,
                "verschil": _getal(stand.verschil),
                "notities": [_notitie(n) for n in stand.notities],
                # Notes on the goal (and its parent goal) concern this indicator's figures too.
                "doel_notities": [
                    {**_notitie(n), "sleutel": n.sleutel, "doel": _doelcode(indicator.doel, n)}
                    for n in stand.doel_notities
                ],
            }
        )
    return rijen


def _financien(peildatum: date) -> dict | None:
    overzicht = monitoring.financien_overzicht(peildatum=peildatum)
    if overzicht is None:
        return None

    def bedrag(b) -> dict:
        return {
            "soort": b.soort,
            "soort_label": b.get_soort_display(),
            "domein": b.domein,
            "domein_label": Domein(b.domein).label if b.domein else "Totaal",
            "jaar": b.jaar,
            "bedrag": _getal(b.bedrag),
            "toelichting": b.toelichting,
            "bron": b.bron,
        }

    return {
        "jaren": overzicht.jaren,
        "scenarios": [
            {
                "nummer": s.nummer,
                "naam": s.naam,
                "bron": s.bron,
                # The totals as the document prints them, beside the sum of the domains where they differ.
                "gedrukte_totalen": [
                    {
                        "tabel": t.tabel,
                        "tabel_label": t.get_tabel_display(),
                        "jaar": t.jaar,
                        "cel": t.cel,
                        "bedrag_in_euro": _getal(t.bedrag_in_euro),
                        "som_van_de_domeinen": _getal(t.som_van_de_domeinen),
                        "wijkt_af": t.wijkt_af,
                        "bron": t.bron,
                    }
                    for t in s.gedrukte_totalen.all()
                ],
            }
            for s in overzicht.scenarios
        ],
        "rijen": [
            {
                "domein": r.domein,
                "domein_label": r.domein_label,
                "jaar": r.jaar,
                "taakstelling": _getal(r.taakstelling),
                "gerealiseerd": _getal(r.gerealiseerd),
                "niet_behaald": _getal(r.niet_behaald),
                "scenarios": {str(nr): _getal(w) for nr, w in sorted(r.scenarios.items())},
            }
            for r in overzicht.rijen
        ],
        "budget": [bedrag(b) for b in overzicht.budget],
        "investeringen": [bedrag(b) for b in overzicht.investeringen],
        "scenario_totalen": {
            str(nr): {str(jaar): _getal(w) for jaar, w in sorted(per_jaar.items())}
            for nr, per_jaar in sorted(overzicht.scenario_totalen.items())
        },
        "gerealiseerd_totaal": {str(j): _getal(w) for j, w in sorted(overzicht.gerealiseerd_totaal.items())},
        "notities": [_notitie(n) for n in overzicht.notities],
    }


def _risicos(peildatum: date, sinds: date | None) -> dict:
    def betreft(risico) -> str:
        if risico.activiteit_id:
            return f"Actielijn {risico.activiteit.actielijn.nummer}: {risico.activiteit.naam}"
        return "Het plan als geheel"

    risicos = programma.risicoregister()
    notities = notities_van(risicos)  # the sources' notes on them (risk 2c's "si"): one query
    return {
        "sinds": _datum(sinds),
        "actief": [
            {
                "sleutel": r.code or r.sleutel or f"risico-{r.pk}",
                "code": r.code,
                "omschrijving": r.omschrijving,
                "categorie": r.get_categorie_display(),
                "betreft": betreft(r),
                "kans": r.kans,
                "impact": r.impact,
                "score": r.score,
                "beheersmaatregel": r.beheersmaatregel,
                "voorbeeld": r.voorbeeld,
                "notities": [_notitie(n) for n in notities.get(r, [])],
            }
            for r in risicos
        ],
        "wijzigingen": [
            {
                "datum": _datum(w.datum),
                "risico": str(w.risico),
                "soort": w.soort,
                "soort_label": w.get_soort_display(),
                "toelichting": w.toelichting,
                "bron": w.bron,
                "voorbeeld": w.voorbeeld,
                # The source gives no date (Jaarstukken 2023): the date is the end of the reporting year.
                "datum_aangenomen": w.datum_aangenomen,
            }
            for w in programma.risicowijzigingen(peildatum=peildatum, sinds=sinds, aantal=None)
        ],
    }


def _sociaal_domein() -> dict:
    overzicht = monitoring.piramide_overzicht()
    return {
        "kerncijfers": [
            {
                "sleutel": k.sleutel,
                "onderwerp": k.onderwerp,
                "onderwerp_label": KerncijferOnderwerp(k.onderwerp).label,
                "naam": k.naam,
                "domein": k.domein,
                "periode": k.periode,
                "waarde": _getal(k.waarde),
                "eenheid": k.eenheid,
                "telt_personen": k.telt_personen,
                "bron": k.bron,
                "notities": [_notitie(n) for n in k.datakwaliteit.all()],
            }
            for k in overzicht.kerncijfers
        ],
        "piramide": {
            "perioden": overzicht.perioden,
            "lagen": [{"naam": laag.naam, "volgorde": laag.volgorde} for laag in overzicht.lagen],
            "standen": [
                {"periode": periode, "laag": laag.naam, "aantal": overzicht.standen.get((periode, laag.pk))}
                for periode in overzicht.perioden
                for laag in overzicht.lagen
            ],
        },
    }


def _moties(moties, vorige: dict | None) -> list[dict]:
    vorige_status = {m["sleutel"]: m["status"] for m in (vorige or {}).get("moties", [])}
    rijen = []
    for motie in moties:
        sleutel = f"{motie.soort}-{motie.nummer}"
        # Listed while open, and once more in the edition after it was settled (its status change).
        if motie.status == MotieStatus.AFGEDAAN and vorige_status.get(sleutel) == MotieStatus.AFGEDAAN:
            continue
        rijen.append(
            {
                "sleutel": sleutel,
                "soort": motie.soort,
                "soort_label": motie.get_soort_display(),
                "nummer": motie.nummer,
                "titel": motie.titel,
                "datum": _datum(motie.datum),
                "vergadering": motie.vergadering,
                "tekst": motie.tekst,
                "status": motie.status,
                "status_label": motie.get_status_display(),
                "vorige_status": vorige_status.get(sleutel),
                "uitvoering": motie.uitvoering,
                "activiteiten": [
                    {"code": a.code, "naam": a.naam} for a in sorted(motie.activiteiten.all(), key=str)
                ],
                "indicatoren": [{"code": i.code, "naam": i.naam} for i in motie.indicatoren.all()],
            }
        )
    return rijen
