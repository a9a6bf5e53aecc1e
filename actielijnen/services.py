"""
Every write that is a domain act on the programme: one transaction each, the activity row locked when it is
read-modify-write, validation before anything is saved (a ValidationError leaves the database untouched).
Views check access (actielijnen/permissions.py) before calling these.

Updates of an existing object take `origineel`: the values the user's form was loaded with (the signed hidden
field of bronnen/gelijktijdigheid.py). They are compared with the locked row before anything is written, so a
second person's save never silently overwrites the first (GelijktijdigeWijziging, nothing saved).
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from actielijnen.besluitvorming import Uitkomst, besluit_vastleggen
from actielijnen.constants import (
    AkkoordRol,
    HerinneringSoort,
    OpdrachtbeschrijvingStatus,
    PlanningswijzigingStatus,
    RisicoStatus,
    RisicoWijzigingSoort,
)
from actielijnen.models import (
    Activiteit,
    Besluit,
    Herinnering,
    Jaarsamenvatting,
    Mijlpaal,
    Opdrachtbeschrijving,
    Planningswijziging,
    Risico,
    RisicoWijziging,
    Voortgangsrapportage,
)
from kern.gelijktijdigheid import GelijktijdigeWijziging, Wijziging, controleren, ondertekenen

# Reminders go out this many days before the due date, and again this many days after it.
HERINNERING_DAGEN_VOORAF = 3
HERINNERING_DAGEN_ACHTERAF = 3


def _opgeslagen(obj):
    """Validate fully (fields, choices, clean()) and save; raises ValidationError before writing."""
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def voortgangsrapportage_create(
    *,
    activiteit: Activiteit,
    auteur,
    periode: str,
    rag: str,
    percentage_gereed: int,
    fase: str,
    toelichting: str,
    status: str = "",
    knelpunten: str = "",
    besluit_nodig: bool = False,
    besluit_omschrijving: str = "",
    verhalen: str = "",
    mijlpalen_bereikt: Iterable[Mijlpaal] = (),
    datum: date | None = None,
) -> Voortgangsrapportage:
    """Record one dated update; carry RAG, fase and status onto the activity; mark milestones reached."""
    activiteit = Activiteit.objects.select_for_update().get(pk=activiteit.pk)
    rapportage = _opgeslagen(
        Voortgangsrapportage(
            activiteit=activiteit,
            auteur=auteur,
            datum=datum or timezone.localdate(),
            periode=periode,
            rag=rag,
            percentage_gereed=percentage_gereed,
            fase=fase,
            status=status,
            toelichting=toelichting,
            knelpunten=knelpunten,
            besluit_nodig=besluit_nodig,
            besluit_omschrijving=besluit_omschrijving if besluit_nodig else "",
            verhalen=verhalen,
        )
    )
    activiteit.rag, activiteit.fase = rag, fase
    if status:
        activiteit.status = status
    activiteit.save(update_fields=["rag", "fase", "status"])
    bereikt = [m.pk for m in mijlpalen_bereikt]
    if bereikt:
        activiteit.mijlpalen.filter(pk__in=bereikt, datum_bereikt__isnull=True).update(
            datum_bereikt=rapportage.datum
        )
    return rapportage


@transaction.atomic
def mijlpaal_create(*, activiteit: Activiteit, omschrijving: str, datum_gepland: date) -> Mijlpaal:
    return _opgeslagen(
        Mijlpaal(activiteit=activiteit, omschrijving=omschrijving, datum_gepland=datum_gepland)
    )


@transaction.atomic
def mijlpaal_update(
    *,
    mijlpaal: Mijlpaal,
    omschrijving: str,
    datum_gepland: date,
    datum_bereikt: date | None,
    origineel: dict | None = None,
) -> Mijlpaal:
    """Change a milestone; refused (GelijktijdigeWijziging) if it changed since the form showed `origineel`."""
    mijlpaal = Mijlpaal.objects.select_for_update().get(pk=mijlpaal.pk)
    if origineel is not None:
        controleren(mijlpaal, gezien=origineel)
    mijlpaal.omschrijving, mijlpaal.datum_gepland, mijlpaal.datum_bereikt = (
        omschrijving,
        datum_gepland,
        datum_bereikt,
    )
    return _opgeslagen(mijlpaal)


@transaction.atomic
def risico_create(
    *,
    activiteit: Activiteit,
    auteur,
    omschrijving: str,
    kans: int | None,
    impact: int | None,
    beheersmaatregel: str = "",
    basisrisico: Risico | None = None,
    toelichting: str = "",
) -> Risico:
    """A new risk of an activity, with the first entry of its log."""
    risico = _opgeslagen(
        Risico(
            activiteit=activiteit,
            omschrijving=omschrijving,
            kans=kans,
            impact=impact,
            beheersmaatregel=beheersmaatregel,
            basisrisico=basisrisico,
            toelichting=toelichting,
            eigenaar=auteur,
        )
    )
    RisicoWijziging.objects.create(
        risico=risico,
        datum=timezone.localdate(),
        soort=RisicoWijzigingSoort.NIEUW,
        toelichting=toelichting or "Risico vastgelegd.",
        kans=kans,
        impact=impact,
        auteur=auteur,
    )
    return risico


@transaction.atomic
def risico_update(
    *,
    risico: Risico,
    auteur,
    omschrijving: str,
    kans: int | None,
    impact: int | None,
    beheersmaatregel: str,
    status: str,
    reden: str,
    origineel: dict | None = None,
) -> Risico:
    """Change a risk and append why to its log; the log's kans × impact gives the trend the college sees.

    Refused (GelijktijdigeWijziging) if the risk changed since the form showed `origineel`.
    """
    risico = Risico.objects.select_for_update().get(pk=risico.pk)
    if origineel is not None:
        controleren(risico, gezien=origineel)
    oude_score = risico.score
    risico.omschrijving, risico.kans, risico.impact = omschrijving, kans, impact
    risico.beheersmaatregel, risico.status = beheersmaatregel, status
    _opgeslagen(risico)
    risicolog_aanvullen(risico=risico, oude_score=oude_score, auteur=auteur, reden=reden)
    return risico


def risicolog_aanvullen(
    *, risico: Risico, oude_score: int | None, auteur, reden: str, soort: str | None = None
) -> RisicoWijziging:
    """Append a saved change of a risk to its log (bigger, smaller, assessed, unchanged), with why.

    The one place the log is written after a change: the activity page (risico_update), the register
    (programmarisico_beoordelen) and the admin (actielijnen/admin.py, RisicoAdmin) all end here, inside their own
    transaction. `soort` overrides the kind the scores give (a risk no longer tracked).
    """
    nieuwe_score = risico.score
    if soort is not None:
        pass
    elif oude_score is not None and nieuwe_score is not None and nieuwe_score > oude_score:
        soort = RisicoWijzigingSoort.GROTER
    elif oude_score is not None and nieuwe_score is not None and nieuwe_score < oude_score:
        soort = RisicoWijzigingSoort.KLEINER
    elif oude_score != nieuwe_score:
        soort = RisicoWijzigingSoort.BEOORDELING
    else:
        soort = RisicoWijzigingSoort.ONGEWIJZIGD
    return RisicoWijziging.objects.create(
        risico=risico,
        datum=timezone.localdate(),
        soort=soort,
        toelichting=reden,
        kans=risico.kans,
        impact=risico.impact,
        auteur=auteur,
    )


@transaction.atomic
def programmarisico_beoordelen(
    *,
    risico: Risico,
    auteur,
    kans: int,
    impact: int,
    eigenaar,
    beheersmaatregel: str,
    status: str,
    toelichting: str,
    origineel: dict | None = None,
) -> Risico:
    """The manager scores and owns a risk of the programme as a whole (§3), with why; the log records it.

    Only for programme risks (no activity): an activity's risk stays with its trekker (risico_update). Refused
    (GelijktijdigeWijziging) if the risk changed since the form showed `origineel`; a ValidationError saves
    nothing. The risk's history (simple_history) records who changed which field.
    """
    risico = Risico.objects.select_for_update().get(pk=risico.pk)
    if risico.activiteit_id is not None:
        raise ValidationError(
            "Dit is een risico van een activiteit; de trekker beoordeelt het op de activiteit."
        )
    if not (toelichting or "").strip():
        raise ValidationError(
            {"toelichting": "Schrijf waarom u het risico zo beoordeelt; dit komt in het risicolog."}
        )
    if origineel is not None:
        controleren(risico, gezien=origineel)
    oude_score, oude_status = risico.score, risico.status
    risico.kans, risico.impact, risico.eigenaar = kans, impact, eigenaar
    risico.beheersmaatregel, risico.status = beheersmaatregel, status
    _opgeslagen(risico)
    vervallen = status == RisicoStatus.VERVALLEN and oude_status != RisicoStatus.VERVALLEN
    risicolog_aanvullen(
        risico=risico,
        oude_score=oude_score,
        auteur=auteur,
        reden=toelichting,
        soort=RisicoWijzigingSoort.NIET_MEER_GEVOLGD if vervallen else None,
    )
    return risico


@transaction.atomic
def planningswijziging_indienen(
    *, activiteit: Activiteit, aangevraagd_door, reden: str, nieuwe_start: str, nieuw_einde: str
) -> Planningswijziging:
    """Request a planning change; nothing changes on the activity until all three roles of §2.2 agreed."""
    activiteit = Activiteit.objects.select_for_update().get(pk=activiteit.pk)
    if activiteit.planningswijzigingen.filter(status=PlanningswijzigingStatus.INGEDIEND).exists():
        raise ValidationError("Er staat al een planningswijziging open voor deze activiteit.")
    start = nieuwe_start or activiteit.geplande_start
    einde = nieuw_einde or activiteit.gepland_einde
    if start and einde and start > einde:
        raise ValidationError({"nieuw_einde": "Het einde ligt vóór de start."})
    return _opgeslagen(
        Planningswijziging(
            activiteit=activiteit,
            aangevraagd_door=aangevraagd_door,
            reden=reden,
            nieuwe_start=nieuwe_start,
            nieuw_einde=nieuw_einde,
        )
    )


@transaction.atomic
def planning_vastleggen(
    *,
    activiteit: Activiteit,
    gebruiker,
    geplande_start: str,
    gepland_einde: str,
    origineel: dict | None = None,
) -> Activiteit:
    """Record the first planning (quarters) of an activity that has none yet: the opdrachtgever's direct decision.

    Only what is still empty is set: a start or end that exists already changes only through a planningswijziging
    (three akkoorden, §2.2). One history row with who and why. Refused (GelijktijdigeWijziging) if the planning
    changed since the form showed `origineel`.
    """
    activiteit = Activiteit.objects.select_for_update().get(pk=activiteit.pk)
    if origineel is not None:
        controleren(activiteit, gezien=origineel)
    if activiteit.geplande_start and activiteit.gepland_einde:
        raise ValidationError(
            "Deze activiteit heeft al een planning. Vraag een planningswijziging aan; die gaat in als "
            "opdrachtgever, opdrachtnemer en opgavecoördinator akkoord zijn."
        )
    fouten = {}
    for veld, waarde in (("geplande_start", geplande_start), ("gepland_einde", gepland_einde)):
        huidig = getattr(activiteit, veld)
        if huidig and waarde and waarde != huidig:
            fouten[veld] = f"Al vastgelegd als {huidig}; wijzig dit met een planningswijziging."
        elif not waarde and not huidig:
            fouten[veld] = "Geef een kwartaal als 2023-Q2."
        elif not huidig:
            setattr(activiteit, veld, waarde)
    if fouten:
        raise ValidationError(fouten)
    planning = {"geplande_start", "gepland_einde"}
    activiteit.clean_fields(exclude=[f.name for f in Activiteit._meta.fields if f.name not in planning])
    if activiteit.geplande_start > activiteit.gepland_einde:
        raise ValidationError({"gepland_einde": "Het einde ligt vóór de start."})
    activiteit._change_reason = "Eerste planning vastgelegd"
    activiteit._history_user = gebruiker
    activiteit.save(update_fields=["geplande_start", "gepland_einde"])
    return activiteit


@transaction.atomic
def planningswijziging_akkoord_geven(
    *, planningswijziging: Planningswijziging, rol: str, gebruiker, akkoord: bool, toelichting: str = ""
) -> Planningswijziging:
    """One role's decision. Takes effect only when opdrachtgever, opdrachtnemer and opgavecoördinator agreed;
    one "niet akkoord" rejects the request."""
    wijziging = Planningswijziging.objects.select_for_update().get(pk=planningswijziging.pk)
    if wijziging.status != PlanningswijzigingStatus.INGEDIEND:
        raise ValidationError("Over deze planningswijziging is al besloten.")
    resultaat = besluit_vastleggen(
        besluiten=wijziging.akkoorden,
        rol=rol,
        gebruiker=gebruiker,
        akkoord=akkoord,
        toelichting=toelichting,
        vereiste_rollen=AkkoordRol.values,
    )
    if resultaat == Uitkomst.AFGEWEZEN:
        wijziging.status = PlanningswijzigingStatus.AFGEWEZEN
        wijziging.save(update_fields=["status"])
    elif resultaat == Uitkomst.AKKOORD:
        activiteit = Activiteit.objects.select_for_update().get(pk=wijziging.activiteit_id)
        if wijziging.nieuwe_start:
            activiteit.geplande_start = wijziging.nieuwe_start
        if wijziging.nieuw_einde:
            activiteit.gepland_einde = wijziging.nieuw_einde
        activiteit.save(update_fields=["geplande_start", "gepland_einde"])
        wijziging.status = PlanningswijzigingStatus.AKKOORD
        wijziging.doorgevoerd_op = timezone.now()
        wijziging.save(update_fields=["status", "doorgevoerd_op"])
    return wijziging


@transaction.atomic
def opdrachtbeschrijving_bijwerken(
    *, opdrachtbeschrijving: Opdrachtbeschrijving, origineel: dict | None = None, **onderdelen: str
):
    """The trekker writes the six parts; an opdrachtbeschrijving that was vastgesteld is not changed here.

    Refused (GelijktijdigeWijziging) if the parts changed since the form showed `origineel`.
    """
    opdracht = Opdrachtbeschrijving.objects.select_for_update().get(pk=opdrachtbeschrijving.pk)
    if opdracht.status == OpdrachtbeschrijvingStatus.VASTGESTELD:
        raise ValidationError("Een vastgestelde opdrachtbeschrijving wordt niet meer gewijzigd.")
    if origineel is not None:
        controleren(opdracht, gezien=origineel)
    for naam, waarde in onderdelen.items():
        if naam not in Opdrachtbeschrijving.ONDERDELEN:
            raise ValueError(naam)
        setattr(opdracht, naam, waarde)
    opdracht.status = OpdrachtbeschrijvingStatus.CONCEPT
    return _opgeslagen(opdracht)


@transaction.atomic
def opdrachtbeschrijving_ter_goedkeuring(
    *, opdrachtbeschrijving: Opdrachtbeschrijving
) -> Opdrachtbeschrijving:
    opdracht = Opdrachtbeschrijving.objects.select_for_update().get(pk=opdrachtbeschrijving.pk)
    if opdracht.status != OpdrachtbeschrijvingStatus.CONCEPT:
        raise ValidationError("Alleen een concept kan ter goedkeuring worden aangeboden.")
    ontbrekend = opdracht.ontbrekende_onderdelen()
    if ontbrekend:
        raise ValidationError("Vul eerst alle zes onderdelen in. Nog leeg: " + ", ".join(ontbrekend) + ".")
    opdracht.status = OpdrachtbeschrijvingStatus.TER_GOEDKEURING
    opdracht.save(update_fields=["status"])
    return opdracht


@transaction.atomic
def opdrachtbeschrijving_vaststellen(
    *, opdrachtbeschrijving: Opdrachtbeschrijving, gebruiker, akkoord: bool = True
) -> Opdrachtbeschrijving:
    """The opdrachtgever's decision: vastgesteld, or back to concept for the trekker."""
    opdracht = (
        Opdrachtbeschrijving.objects.select_for_update()
        .select_related("activiteit")
        .get(pk=opdrachtbeschrijving.pk)
    )
    if opdracht.activiteit.opdrachtgever_id != gebruiker.pk:
        raise ValidationError(
            "Alleen de opdrachtgever van deze activiteit stelt de opdrachtbeschrijving vast."
        )
    if opdracht.status != OpdrachtbeschrijvingStatus.TER_GOEDKEURING:
        raise ValidationError("Deze opdrachtbeschrijving is niet ter goedkeuring aangeboden.")
    if akkoord:
        opdracht.status = OpdrachtbeschrijvingStatus.VASTGESTELD
        opdracht.vastgesteld_door, opdracht.vastgesteld_op = gebruiker, timezone.now()
    else:
        opdracht.status = OpdrachtbeschrijvingStatus.CONCEPT
    opdracht.save(update_fields=["status", "vastgesteld_door", "vastgesteld_op"])
    return opdracht


def jaarsamenvattingen_gezien(activiteit: Activiteit) -> tuple[str, dict]:
    """What a jaarsamenvatting form was loaded with: the token's purpose, and each year's text ("2025": "…").

    The year is chosen in the form, so the token holds every year of the activity: writing a year that someone
    else wrote (or changed) after the form was opened is then refused.
    """
    doel = f"actielijnen.activiteit:{activiteit.pk}:jaarsamenvattingen"
    return doel, {str(j): t for j, t in activiteit.jaarsamenvattingen.values_list("jaar", "samenvatting")}


@transaction.atomic
def jaarsamenvatting_opslaan(
    *, activiteit: Activiteit, jaar: int, samenvatting: str, auteur, origineel: dict | None = None
) -> Jaarsamenvatting:
    """Write a year's summary; overwriting a year is refused if it changed since the form showed `origineel`."""
    # The activity's row serialises two people writing the same new year: the second then finds the first's.
    Activiteit.objects.select_for_update().get(pk=activiteit.pk)
    bestaand = Jaarsamenvatting.objects.select_for_update().filter(activiteit=activiteit, jaar=jaar).first()
    gezien = (origineel or {}).get(str(jaar))
    if origineel is not None and bestaand is not None and gezien != bestaand.samenvatting:
        doel, nu = jaarsamenvattingen_gezien(activiteit)
        raise GelijktijdigeWijziging.maken(
            wijzigingen=[
                Wijziging(
                    label=f"Samenvatting van {jaar}",
                    gezien=gezien if gezien else "(nog geen samenvatting)",
                    nu=bestaand.samenvatting,
                )
            ],
            historie_van=bestaand,
            nieuw_token=ondertekenen(nu, doel=doel),
        )
    samenvatting_obj = bestaand or Jaarsamenvatting(activiteit=activiteit, jaar=jaar)
    samenvatting_obj.samenvatting, samenvatting_obj.auteur = samenvatting, auteur
    return _opgeslagen(samenvatting_obj)


def herinnering_soort(*, vervaldatum: date, vandaag: date) -> str | None:
    """Which reminder is due today for an update expected on `vervaldatum`, if any."""
    if vervaldatum - timedelta(days=HERINNERING_DAGEN_VOORAF) <= vandaag < vervaldatum:
        return HerinneringSoort.BINNENKORT
    if vandaag >= vervaldatum + timedelta(days=HERINNERING_DAGEN_ACHTERAF):
        return HerinneringSoort.VERLOPEN
    return None


def herinneringen_versturen(*, vandaag: date | None = None) -> list[Herinnering]:
    """E-mail each trekker whose update is due soon or overdue; each reminder goes out once per due date."""
    from actielijnen.selectors import update_verwachtingen

    vandaag = vandaag or timezone.localdate()
    verstuurd = []
    for verwachting in update_verwachtingen(vandaag=vandaag):
        activiteit = verwachting.activiteit
        soort = herinnering_soort(vervaldatum=verwachting.vervaldatum, vandaag=vandaag)
        if soort is None or activiteit.trekker is None or not activiteit.trekker.email:
            continue
        sleutel = {
            "activiteit": activiteit,
            "ontvanger": activiteit.trekker,
            "soort": soort,
            "vervaldatum": verwachting.vervaldatum,
        }
        with transaction.atomic():
            if Herinnering.objects.select_for_update().filter(**sleutel).exists():
                continue
            herinnering = Herinnering.objects.create(**sleutel)
            context = {
                "activiteit": activiteit,
                "verwachting": verwachting,
                "soort": soort,
                "site_url": settings.SITE_URL.rstrip("/"),
            }
            onderwerp = (
                f"Update binnenkort verwacht: {activiteit}"
                if soort == HerinneringSoort.BINNENKORT
                else f"Update te laat: {activiteit}"
            )
            # Sent inside the transaction: a failing mail server rolls the record back, so the next run retries.
            send_mail(
                subject=onderwerp,
                message=render_to_string("actielijnen/herinnering_email.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[activiteit.trekker.email],
            )
        verstuurd.append(herinnering)
    return verstuurd


@transaction.atomic
def besluit_nemen(
    *, voortgangsrapportage: Voortgangsrapportage, gebruiker, besluit: str, datum: date
) -> Besluit:
    """Record the opdrachtgever's decision on an update that asked for one (one decision per update).

    The update's row is locked, so two people deciding at once get one decision and a clear message, not two.
    """
    rapportage = Voortgangsrapportage.objects.select_for_update().get(pk=voortgangsrapportage.pk)
    if not rapportage.besluit_nodig:
        raise ValidationError("Bij deze update is geen besluit gevraagd.")
    if Besluit.objects.filter(voortgangsrapportage=rapportage).exists():
        raise ValidationError("Over deze update is al een besluit vastgelegd.")
    if datum < rapportage.datum:
        raise ValidationError({"datum": "Het besluit kan niet vóór de update liggen."})
    if datum > timezone.localdate():
        raise ValidationError({"datum": "Een besluit ligt niet in de toekomst."})
    return _opgeslagen(
        Besluit(voortgangsrapportage=rapportage, datum=datum, besluit=besluit.strip(), genomen_door=gebruiker)
    )
