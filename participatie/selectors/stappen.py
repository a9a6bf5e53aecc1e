"""
Participation steps I–IV per activity (§4.1): what the pages read. The writes are participatie/services/stappen.py.

Every read is a fixed number of queries, whatever the number of activities. The hooks at the bottom put the open
decisions in the opdrachtgever's inbox, count them on the dashboard and link the activity page here
(actielijnen/signalen.py).
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from actielijnen.besluitvorming import Uitkomst
from actielijnen.models import Activiteit
from actielijnen.signalen import Besluitpunt, Koppeling
from kern.geschiedenis import geschiedenis
from participatie.models import (
    Evaluatie,
    Participatieadvies,
    ParticipatieadviesBesluit,
    Participatieplan,
    ParticipatieplanBesluit,
    Participatietraject,
)
from participatie.permissions import mag_lezen, mag_wijken_koppelen

# The states of step I and II as the pages show them.
GEEN_ADVIES = "Nog geen advies"
WACHT = "Wacht op besluit van de opdrachtgever"
WEL_PARTICIPATIE = "Akkoord: wel participatie"
GEEN_PARTICIPATIE = "Akkoord: geen participatie"
AFGEWEZEN = "Niet akkoord: nieuw advies nodig"
NIET_VAN_TOEPASSING = "Niet van toepassing"
NA_STAP_I = "Kan na akkoord op stap I"
GEEN_PLAN = "Nog geen plan van aanpak"
PLAN_AKKOORD = "Akkoord"
PLAN_AFGEWEZEN = "Niet akkoord: nieuw plan nodig"


def stand_stap_i(status: str | None, zinvol: bool | None) -> str:
    if status is None:
        return GEEN_ADVIES
    if status == Uitkomst.OPEN:
        return WACHT
    if status == Uitkomst.AFGEWEZEN:
        return AFGEWEZEN
    return WEL_PARTICIPATIE if zinvol else GEEN_PARTICIPATIE


def stand_stap_ii(stap_i: str, plan_status: str | None) -> str:
    if stap_i == GEEN_PARTICIPATIE:
        return NIET_VAN_TOEPASSING
    if stap_i != WEL_PARTICIPATIE:
        return NA_STAP_I
    return {
        None: GEEN_PLAN,
        Uitkomst.OPEN: WACHT,
        Uitkomst.AKKOORD: PLAN_AKKOORD,
        Uitkomst.AFGEWEZEN: PLAN_AFGEWEZEN,
    }[plan_status]


@dataclass
class Stappenstand:
    """Steps I–IV of one activity: what the pages show and what may happen next."""

    activiteit: Activiteit
    stap_i: str
    stap_ii: str
    advies: Participatieadvies | None  # the latest
    plan: Participatieplan | None  # the latest
    aantal_trajecten: int
    aantal_stakeholders: int
    aantal_evaluaties: int
    laatste_evaluatie: date | None
    voorbeeld: bool = False  # a step, trajectory or evaluation of it is the demo's (kern/herkomst.py)

    @property
    def advies_mogelijk(self) -> bool:
        return self.stap_i in (GEEN_ADVIES, AFGEWEZEN)

    @property
    def plan_mogelijk(self) -> bool:
        return self.stap_ii in (GEEN_PLAN, PLAN_AFGEWEZEN, PLAN_AKKOORD)

    @property
    def stap_iii_van_toepassing(self) -> bool:
        return self.stap_i != GEEN_PARTICIPATIE


def _laatste(model, veld: str):
    return Subquery(
        model.objects.filter(activiteit=OuterRef("pk")).order_by("-ingediend_op", "-pk").values(veld)[:1]
    )


def _aantal(queryset, veld="pk"):
    return Coalesce(
        Subquery(
            queryset.order_by().values("activiteit").annotate(n=Count(veld, distinct=True)).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _met_stappen(activiteiten):
    """Annotate the latest advice and plan and the counts of steps III and IV: one query for any number."""
    return activiteiten.annotate(
        advies_status=_laatste(Participatieadvies, "status"),
        advies_zinvol=_laatste(Participatieadvies, "participatie_zinvol"),
        plan_status=_laatste(Participatieplan, "status"),
        n_trajecten=_aantal(Participatietraject.objects.filter(activiteit=OuterRef("pk"))),
        n_stakeholders=_aantal(Participatietraject.objects.filter(activiteit=OuterRef("pk")), "stakeholders"),
        n_evaluaties=_aantal(Evaluatie.objects.filter(activiteit=OuterRef("pk"))),
        laatste_evaluatie=Subquery(
            Evaluatie.objects.filter(activiteit=OuterRef("pk")).order_by("-datum").values("datum")[:1]
        ),
        **{
            f"demo_{model.__name__.lower()}": Exists(
                model.objects.filter(activiteit=OuterRef("pk"), voorbeeld=True)
            )
            for model in (Participatieadvies, Participatieplan, Participatietraject, Evaluatie)
        },
    )


def overzicht(user) -> list[Stappenstand]:
    """Every activity on the agenda 2023 with the state of its steps I–IV; one query whatever the number."""
    rijen = _met_stappen(Activiteit.objects.visible_to(user).op_agenda().select_related("actielijn"))
    return [_stand(a, advies=None, plan=None) for a in rijen]


def _stand(activiteit, *, advies, plan) -> Stappenstand:
    stap_i = stand_stap_i(activiteit.advies_status, activiteit.advies_zinvol)
    return Stappenstand(
        activiteit=activiteit,
        stap_i=stap_i,
        stap_ii=stand_stap_ii(stap_i, activiteit.plan_status),
        advies=advies,
        plan=plan,
        aantal_trajecten=activiteit.n_trajecten,
        aantal_stakeholders=activiteit.n_stakeholders,
        aantal_evaluaties=activiteit.n_evaluaties,
        laatste_evaluatie=activiteit.laatste_evaluatie,
        voorbeeld=any(
            getattr(activiteit, f"demo_{model.__name__.lower()}", False)
            for model in (Participatieadvies, Participatieplan, Participatietraject, Evaluatie)
        ),
    )


def stappen_van(user, sleutel: str) -> tuple[Stappenstand, list, list, list, list]:
    """One activity's steps (Activiteit.DoesNotExist if the user may not see it): its state, its latest advice and
    plan with their decisions (earlier ones are in the history), its trajectories (at most 25) and its latest five
    evaluations."""
    activiteit = (
        _met_stappen(Activiteit.objects.visible_to(user).met_relaties()).filter(sleutel=sleutel).get()
    )
    adviezen = list(
        activiteit.participatieadviezen.select_related("opgesteld_door").prefetch_related(
            "besluiten__gebruiker"
        )[:1]
    )
    plannen = list(
        activiteit.participatieplannen.select_related("opgesteld_door").prefetch_related(
            "besluiten__gebruiker"
        )[:1]
    )
    trajecten = list(activiteit.participatietrajecten.prefetch_related("stakeholders")[:25])
    evaluaties = list(activiteit.participatie_evaluaties.select_related("auteur")[:5])
    stand = _stand(activiteit, advies=adviezen[0] if adviezen else None, plan=plannen[0] if plannen else None)
    return stand, adviezen, plannen, trajecten, evaluaties


def stappengeschiedenis(activiteit: Activiteit, pagina=1, per_pagina: int = 10):
    """Every step of this activity's participation as history: advices, plans, decisions, evaluations."""
    pk = activiteit.pk
    adviezen = Participatieadvies.history.filter(activiteit_id=pk).values("id")
    plannen = Participatieplan.history.filter(activiteit_id=pk).values("id")
    return geschiedenis(
        [
            Participatieadvies.history.filter(activiteit_id=pk),
            ParticipatieadviesBesluit.history.filter(advies_id__in=adviezen),
            Participatieplan.history.filter(activiteit_id=pk),
            ParticipatieplanBesluit.history.filter(plan_id__in=plannen),
            Evaluatie.history.filter(activiteit_id=pk),
        ],
        pagina=pagina,
        per_pagina=per_pagina,
    )


def evaluaties(activiteit: Activiteit | None = None, geheel: bool = False):
    """Evaluations, newest first: of one activity, of the whole (`geheel`), or all."""
    rijen = Evaluatie.objects.select_related("activiteit", "auteur")
    if activiteit is not None:
        rijen = rijen.filter(activiteit=activiteit)
    elif geheel:
        rijen = rijen.filter(activiteit__isnull=True)
    return rijen


# --- Hooks on actielijnen's pages (actielijnen/signalen.py, registered in participatie/aanhaakpunten.py) -------


def _open_voorstellen(user, programmabreed: bool):
    """The open advices and plans this person sees in the inbox: their own as opdrachtgever, or all."""
    filter_ = Q(status=Uitkomst.OPEN)
    if not programmabreed:
        filter_ &= Q(activiteit__opdrachtgever=user)
    adviezen = Participatieadvies.objects.filter(filter_).select_related("activiteit__actielijn")
    plannen = Participatieplan.objects.filter(filter_).select_related("activiteit__actielijn")
    return adviezen, plannen


def besluitpunten(user, programmabreed):
    """Open participatie-adviezen and plannen (actielijnen.signalen.Besluitpunt) for the decision inbox; two
    queries. The opdrachtgever of the activity decides; the others read."""
    if not user.is_authenticated or not (programmabreed or mag_lezen(user)):
        return []
    adviezen, plannen = _open_voorstellen(user, programmabreed)
    punten = []
    for advies in adviezen:
        beslist = advies.activiteit.opdrachtgever_id == user.pk
        punten.append(
            Besluitpunt(
                soort="Participatie-advies (stap I)",
                omschrijving=(
                    "Advies: wel participatie. "
                    if advies.participatie_zinvol
                    else "Advies: geen participatie. "
                )
                + advies.onderbouwing[:200],
                url=reverse("participatie:advies_besluiten", kwargs={"pk": advies.pk})
                if beslist
                else reverse("participatie:activiteit", kwargs={"sleutel": advies.activiteit.sleutel}),
                sinds=advies.ingediend_op,
                activiteit=advies.activiteit,
                mag_beslissen=beslist,
                voorbeeld=advies.voorbeeld,
            )
        )
    for plan in plannen:
        beslist = plan.activiteit.opdrachtgever_id == user.pk
        punten.append(
            Besluitpunt(
                soort="Plan van aanpak participatie (stap II)",
                omschrijving=plan.doel[:200],
                url=reverse("participatie:plan_besluiten", kwargs={"pk": plan.pk})
                if beslist
                else reverse("participatie:activiteit", kwargs={"sleutel": plan.activiteit.sleutel}),
                sinds=plan.ingediend_op,
                activiteit=plan.activiteit,
                mag_beslissen=beslist,
                voorbeeld=plan.voorbeeld,
            )
        )
    return sorted(punten, key=lambda p: p.sinds)


def open_besluiten_per_activiteit():
    """Open advices and plans per activity id (the dashboard's count, equal to the manager's inbox); two
    queries."""
    teller = Counter()
    for model in (Participatieadvies, Participatieplan):
        for rij in (
            model.objects.filter(status=Uitkomst.OPEN)
            .order_by()
            .values("activiteit_id")
            .annotate(n=Count("pk"))
        ):
            teller[rij["activiteit_id"]] += rij["n"]
    return teller


def koppelingen(activiteit, user):
    """The link from the activity page to its participation steps, for who may read participatie."""
    if not mag_lezen(user):
        return []
    links = [
        Koppeling(
            "Participatie: stappen I–IV",
            reverse("participatie:activiteit", kwargs={"sleutel": activiteit.sleutel}),
        ),
        Koppeling(
            "Communicatie van deze activiteit",
            reverse("participatie:communicatie") + f"?activiteit={activiteit.sleutel}",
        ),
    ]
    if mag_wijken_koppelen(user, activiteit):
        links.append(
            Koppeling(
                "Wijken van deze activiteit",
                reverse("participatie:wijken_koppelen", kwargs={"sleutel": activiteit.sleutel}),
            )
        )
    return links
