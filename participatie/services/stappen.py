"""
Participation steps I, II and IV per activity (§4.1): the writes that move them. What the pages read is
participatie/selectors/stappen.py.

Step I (participatie-advies) and step II (plan van aanpak) are proposals the activity's opdrachtgever decides on
through actielijnen/besluitvorming.py; step IV are the interim evaluations. Step III (trajectories and their
stakeholders) is participatie/services/betrokkenen.py.

Each receives the acting user (`gebruiker`) and checks it against participatie/permissions.py (PermissionDenied,
nothing written; the views ask the same predicates first); the services guard the order of the steps, so a direct
POST cannot skip one. Each runs in one transaction with the activity or proposal row
locked.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from actielijnen.besluitvorming import Uitkomst, besluit_vastleggen
from actielijnen.models import Activiteit
from kern.permissions import toegestaan
from participatie.models import Evaluatie, Participatieadvies, Participatieplan
from participatie.models.stappen import OPDRACHTGEVER
from participatie.permissions import mag_beslissen, mag_geheel_evalueren, mag_voor_activiteit_schrijven


def _activiteit_vergrendelen(activiteit: Activiteit) -> Activiteit:
    """Lock the activity row: two submissions for one activity at the same moment then run one after the other,
    so "only one open proposal" holds."""
    return Activiteit.objects.select_for_update().get(pk=activiteit.pk)


def _opgeslagen(obj, gebruiker, reden: str):
    obj._history_user = gebruiker
    obj._change_reason = reden
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def advies_indienen(
    *,
    activiteit: Activiteit,
    gebruiker,
    check_randvoorwaarden: str,
    check_zakelijk_partnerschap: str,
    participatie_zinvol: bool,
    onderbouwing: str,
) -> Participatieadvies:
    """Step I: the trekker's two checks and advice; it waits for the opdrachtgever's decision.

    Refused while an advice is open (one at a time) and once an advice was agreed; after "niet akkoord" a new
    advice may be submitted.
    """
    toegestaan(mag_voor_activiteit_schrijven(gebruiker, activiteit, "participatie.add_participatieadvies"))
    activiteit = _activiteit_vergrendelen(activiteit)
    laatste = activiteit.participatieadviezen.order_by("-ingediend_op", "-pk").first()
    if laatste and laatste.status == Uitkomst.OPEN:
        raise ValidationError(
            "Er staat al een participatie-advies open; wacht op het besluit van de opdrachtgever."
        )
    if laatste and laatste.status == Uitkomst.AKKOORD:
        raise ValidationError("De opdrachtgever heeft al een besluit over stap I genomen: akkoord.")
    return _opgeslagen(
        Participatieadvies(
            activiteit=activiteit,
            check_randvoorwaarden=check_randvoorwaarden,
            check_zakelijk_partnerschap=check_zakelijk_partnerschap,
            participatie_zinvol=participatie_zinvol,
            onderbouwing=onderbouwing,
            opgesteld_door=gebruiker,
            ingediend_op=timezone.now(),
        ),
        gebruiker,
        "Participatie-advies ingediend (stap I)",
    )


def _besluiten(voorstel, besluiten, gebruiker, akkoord: bool, toelichting: str, soort: str):
    """Record the opdrachtgever's decision on a locked proposal and set its status (one history row each)."""
    toegestaan(mag_beslissen(gebruiker, voorstel.activiteit))
    if voorstel.status != Uitkomst.OPEN:
        raise ValidationError(f"Over dit {soort} is al besloten.")
    uitkomst = besluit_vastleggen(
        besluiten=besluiten,
        rol=OPDRACHTGEVER,
        gebruiker=gebruiker,
        akkoord=akkoord,
        toelichting=toelichting,
        vereiste_rollen=(OPDRACHTGEVER,),
    )
    voorstel.status = uitkomst
    voorstel._history_user = gebruiker
    voorstel._change_reason = f"Besluit opdrachtgever: {Uitkomst(uitkomst).label.lower()}"
    voorstel.save(update_fields=["status"])
    return voorstel


@transaction.atomic
def advies_besluiten(
    *, advies: Participatieadvies, gebruiker, akkoord: bool, toelichting: str = ""
) -> Participatieadvies:
    """The opdrachtgever's decision on step I; "niet akkoord" needs a toelichting (besluitvorming enforces it)."""
    advies = Participatieadvies.objects.select_for_update().get(pk=advies.pk)
    return _besluiten(advies, advies.besluiten, gebruiker, akkoord, toelichting, "advies")


@transaction.atomic
def plan_indienen(
    *, activiteit: Activiteit, gebruiker, doel: str, doelgroep: str, aanpak: str, planning: str
) -> Participatieplan:
    """Step II: the plan van aanpak, only once the opdrachtgever agreed to an advice that participation is
    worthwhile; one open plan at a time. An agreed plan may be followed by an adjusted one (§4.1 IV: plans are
    "niet in beton gegoten"), which goes to the opdrachtgever again."""
    toegestaan(mag_voor_activiteit_schrijven(gebruiker, activiteit, "participatie.add_participatieplan"))
    activiteit = _activiteit_vergrendelen(activiteit)
    advies = activiteit.participatieadviezen.order_by("-ingediend_op", "-pk").first()
    if advies is None or advies.status != Uitkomst.AKKOORD:
        raise ValidationError(
            "Stap II kan pas als de opdrachtgever akkoord is met het participatie-advies (stap I)."
        )
    if not advies.participatie_zinvol:
        raise ValidationError(
            "De opdrachtgever besloot dat participatie voor deze activiteit niet zinvol is: "
            "stap II is niet van toepassing."
        )
    if activiteit.participatieplannen.filter(status=Uitkomst.OPEN).exists():
        raise ValidationError(
            "Er staat al een plan van aanpak open; wacht op het besluit van de opdrachtgever."
        )
    return _opgeslagen(
        Participatieplan(
            activiteit=activiteit,
            doel=doel,
            doelgroep=doelgroep,
            aanpak=aanpak,
            planning=planning,
            opgesteld_door=gebruiker,
            ingediend_op=timezone.now(),
        ),
        gebruiker,
        "Plan van aanpak participatie ingediend (stap II)",
    )


@transaction.atomic
def plan_besluiten(
    *, plan: Participatieplan, gebruiker, akkoord: bool, toelichting: str = ""
) -> Participatieplan:
    """The opdrachtgever's decision on step II."""
    plan = Participatieplan.objects.select_for_update().get(pk=plan.pk)
    return _besluiten(plan, plan.besluiten, gebruiker, akkoord, toelichting, "plan van aanpak")


@transaction.atomic
def evaluatie_toevoegen(
    *, activiteit: Activiteit | None, gebruiker, datum: date, bevindingen: str, bijstellingen: str
) -> Evaluatie:
    """Step IV: an interim evaluation of one activity, or of the whole when `activiteit` is None."""
    toegestaan(
        mag_geheel_evalueren(gebruiker)
        if activiteit is None
        else mag_voor_activiteit_schrijven(gebruiker, activiteit, "participatie.add_evaluatie")
    )
    if datum > timezone.localdate():
        raise ValidationError({"datum": "Een evaluatie ligt niet in de toekomst."})
    return _opgeslagen(
        Evaluatie(
            activiteit=activiteit,
            datum=datum,
            bevindingen=bevindingen,
            bijstellingen=bijstellingen,
            auteur=gebruiker,
        ),
        gebruiker,
        "Tussentijdse evaluatie (stap IV)",
    )
