"""Services receive the acting user and check it themselves (issue 23; docs/rollen-en-toegang.md).

The views ask the same predicates first and answer with a 403 page; these tests call each service directly, as the
admin, a job, the demo or a POST that skips the page would, as someone who may not do the act: a raadslid. Every
service refuses with PermissionDenied and no row of any table changes.

A completeness check keeps the table honest: every public service of the domain apps that takes an acting user is
refused here or in the test named for it in `ELDERS`.
"""

import inspect
import io
from datetime import date

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils import timezone

import pytest

from accounts import services as accounts_services
from actielijnen import services as actielijnen
from actielijnen.constants import AkkoordRol, OpdrachtbeschrijvingStatus
from actielijnen.models import Activiteit, Mijlpaal, Planningswijziging, Risico, Voortgangsrapportage
from monitoring import services as monitoring
from monitoring.models import Import, Indicator
from participatie import services as participatie_services
from participatie.models import (
    Inkooptraject,
    Participatieadvies,
    Participatieplan,
    Participatietraject,
    Stakeholder,
)
from participatie.services import betrokkenen, inkoop, stappen
from rapportage import services as rapportage_services

User = get_user_model()
HANDELENDE_GEBRUIKER = {"door", "gebruiker", "auteur", "aangevraagd_door"}

# Services that check the acting user and whose refusal is tested in their own module.
ELDERS = {
    "participatie.services.communicatie.actie_toevoegen": "tests/participatie/test_communicatie.py",
    "participatie.services.communicatie.actie_bijwerken": "tests/participatie/test_communicatie.py",
    "participatie.services.inbreng.inbreng_toevoegen": "tests/participatie/test_inbreng.py",
    "participatie.services.inbreng.inbreng_verwerken": "tests/participatie/test_inbreng.py",
    "monitoring.services.importstroom.import_aanbieden": "tests/monitoring/test_importstroom.py",
    "monitoring.services.importstroom.import_doorvoeren_starten": "tests/monitoring/test_importstroom.py",
    "monitoring.services.importstroom.import_direct_doorvoeren": "tests/monitoring/test_importstroom.py",
    "monitoring.services.importstroom.import_ongedaan_maken_starten": "tests/monitoring/test_importstroom.py",
}
# Services whose user is not an act's author: rapportage's and accounts' services are refused in
# tests/rapportage/test_edities.py and tests/accounts/; these take part of a checked act or name no actor.
GEEN_EIGEN_HANDELING = {
    # A log line inside the caller's checked act (risico_update, programmarisico_beoordelen, the admin).
    "actielijnen.services.risicos.risicolog_aanvullen",
}


def _tabellen() -> dict[str, int]:
    """How many rows each table holds: a refused act changes none of them."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def _activiteit() -> Activiteit:
    return Activiteit.objects.exclude(trekker=None).exclude(opdrachtgever=None).order_by("pk").first()


def _programmarisico() -> Risico:
    return Risico.objects.filter(activiteit=None).first() or Risico.objects.create(
        activiteit=None, omschrijving="Programmarisico voor de toetstest", kans=2, impact=2
    )


def _activiteitsrisico() -> Risico:
    return Risico.objects.create(
        activiteit=_activiteit(), omschrijving="Uitval van partners", kans=2, impact=2
    )


def _ter_goedkeuring():
    opdracht = _activiteit().opdrachtbeschrijving
    opdracht.status = OpdrachtbeschrijvingStatus.TER_GOEDKEURING
    opdracht.save()
    return opdracht


def _planningswijziging() -> Planningswijziging:
    return Planningswijziging.objects.create(
        activiteit=_activiteit(),
        aangevraagd_door=_activiteit().trekker,
        reden="Uitloop",
        nieuw_einde="2026-Q4",
    )


def _update_met_besluit() -> Voortgangsrapportage:
    activiteit = _activiteit()
    return Voortgangsrapportage.objects.create(
        activiteit=activiteit,
        auteur=activiteit.trekker,
        datum=date(2026, 1, 5),
        periode="2025-Q4",
        rag="oranje",
        percentage_gereed=40,
        toelichting="Besluit nodig",
        besluit_nodig=True,
        besluit_omschrijving="Meer tijd",
    )


def _traject() -> Participatietraject:
    return Participatietraject.objects.create(naam="Toetstraject", activiteit=_activiteit())


def _stakeholder() -> Stakeholder:
    return Stakeholder.objects.order_by("pk").first()


def _advies(status="open") -> Participatieadvies:
    return Participatieadvies.objects.create(
        activiteit=_activiteit(),
        check_randvoorwaarden="ja",
        check_zakelijk_partnerschap="ja",
        participatie_zinvol=True,
        onderbouwing="Toets",
        opgesteld_door=_activiteit().trekker,
        ingediend_op=timezone.now(),
        status=status,
    )


def _plan() -> Participatieplan:
    _advies(status="akkoord")
    return Participatieplan.objects.create(
        activiteit=_activiteit(),
        doel="d",
        doelgroep="g",
        aanpak="a",
        planning="p",
        opgesteld_door=_activiteit().trekker,
        ingediend_op=timezone.now(),
    )


def _import() -> Import:
    beheerder = User.objects.get(username="beheerder")
    return Import.objects.create(
        gebruiker=beheerder, bestandsnaam="metingen.csv", sha256="0" * 64, indeling="lang"
    )


def _csv() -> io.BytesIO:
    return io.BytesIO(b"indicator;jaar;plaats;waarde\n")


# (service, its keyword arguments for the raadslid): each an act a raadslid may not do. Making the arguments may
# create the rows the act is about (a milestone, a proposal); the tables are counted after that.
DIENSTEN = [
    (
        actielijnen.voortgangsrapportage_create,
        lambda raad: {
            "activiteit": _activiteit(),
            "auteur": raad,
            "periode": "2026-Q1",
            "rag": "groen",
            "percentage_gereed": 10,
            "fase": "uitvoering",
            "toelichting": "Namens de raad",
        },
    ),
    (
        actielijnen.mijlpaal_create,
        lambda raad: {
            "activiteit": _activiteit(),
            "door": raad,
            "omschrijving": "Klaar",
            "datum_gepland": date(2026, 6, 1),
        },
    ),
    (
        actielijnen.mijlpaal_update,
        lambda raad: {
            "mijlpaal": Mijlpaal.objects.create(
                activiteit=_activiteit(), omschrijving="A", datum_gepland=date(2026, 6, 1)
            ),
            "door": raad,
            "omschrijving": "B",
            "datum_gepland": date(2026, 7, 1),
            "datum_bereikt": None,
        },
    ),
    (
        actielijnen.jaarsamenvatting_opslaan,
        lambda raad: {
            "activiteit": _activiteit(),
            "jaar": 2025,
            "samenvatting": "Namens de raad",
            "auteur": raad,
        },
    ),
    (
        actielijnen.besluit_nemen,
        lambda raad: {
            "voortgangsrapportage": _update_met_besluit(),
            "gebruiker": raad,
            "besluit": "Akkoord",
            "datum": date(2026, 1, 6),
        },
    ),
    (
        actielijnen.risico_create,
        lambda raad: {
            "activiteit": _activiteit(),
            "auteur": raad,
            "omschrijving": "Uitval",
            "kans": 3,
            "impact": 3,
        },
    ),
    (
        actielijnen.risico_update,
        lambda raad: {
            "risico": _activiteitsrisico(),
            "auteur": raad,
            "omschrijving": "Anders",
            "kans": 1,
            "impact": 1,
            "beheersmaatregel": "",
            "status": "actief",
            "reden": "Namens de raad",
        },
    ),
    (
        actielijnen.programmarisico_beoordelen,
        lambda raad: {
            "risico": _programmarisico(),
            "auteur": raad,
            "kans": 1,
            "impact": 1,
            "eigenaar": raad,
            "beheersmaatregel": "",
            "status": "actief",
            "toelichting": "Namens de raad",
        },
    ),
    (
        actielijnen.planningswijziging_indienen,
        lambda raad: {
            "activiteit": _activiteit(),
            "aangevraagd_door": raad,
            "reden": "Uitloop",
            "nieuwe_start": "",
            "nieuw_einde": "2027-Q4",
        },
    ),
    (
        actielijnen.planning_vastleggen,
        lambda raad: {
            "activiteit": _activiteit(),
            "gebruiker": raad,
            "geplande_start": "2026-Q1",
            "gepland_einde": "2026-Q4",
        },
    ),
    (
        actielijnen.planningswijziging_akkoord_geven,
        lambda raad: {
            "planningswijziging": _planningswijziging(),
            "rol": AkkoordRol.OPDRACHTGEVER,
            "gebruiker": raad,
            "akkoord": True,
        },
    ),
    (
        actielijnen.opdrachtbeschrijving_bijwerken,
        lambda raad: {
            "opdrachtbeschrijving": _activiteit().opdrachtbeschrijving,
            "door": raad,
            "beschrijving": "Namens de raad",
        },
    ),
    (
        actielijnen.opdrachtbeschrijving_vaststellen,
        lambda raad: {"opdrachtbeschrijving": _ter_goedkeuring(), "gebruiker": raad},
    ),
    (
        actielijnen.opdrachtbeschrijving_ter_goedkeuring,
        lambda raad: {
            "opdrachtbeschrijving": _activiteit().opdrachtbeschrijving,
            "door": raad,
        },
    ),
    (
        betrokkenen.stakeholder_opslaan,
        lambda raad: {
            "door": raad,
            "naam": "Raadsfractie",
            "soort": _stakeholder().soort,
        },
    ),
    (
        betrokkenen.stakeholder_opslaan,
        lambda raad: {
            "stakeholder": _stakeholder(),
            "door": raad,
            "naam": "Andere naam",
            "soort": _stakeholder().soort,
        },
    ),
    (
        betrokkenen.traject_opslaan,
        lambda raad: {
            "door": raad,
            "activiteit": _activiteit(),
            "naam": "Namens de raad",
        },
    ),
    (
        betrokkenen.bijeenkomst_toevoegen,
        lambda raad: {
            "traject": _traject(),
            "door": raad,
            "datum": date(2026, 2, 1),
            "onderwerp": "Overleg",
            "stakeholders": [_stakeholder()],
        },
    ),
    (betrokkenen.drempel_zetten, lambda raad: {"max_trajecten": 9, "max_bijeenkomsten": 9, "door": raad}),
    (betrokkenen.wijken_koppelen, lambda raad: {"activiteit": _activiteit(), "door": raad, "wijken": []}),
    (inkoop.traject_toevoegen, lambda raad: {"gebruiker": raad, "sleutel": "raad", "naam": "Namens de raad"}),
    (
        inkoop.traject_bijwerken,
        lambda raad: {
            "traject": Inkooptraject.objects.first(),
            "gebruiker": raad,
            "naam": "Namens de raad",
        },
    ),
    (
        inkoop.stap_toevoegen,
        lambda raad: {
            "traject": Inkooptraject.objects.first(),
            "gebruiker": raad,
            "naam": "Namens de raad",
        },
    ),
    (
        inkoop.stap_bijwerken,
        lambda raad: {
            "stap": Inkooptraject.objects.first().stappen.first(),
            "gebruiker": raad,
            "duur_dagen": 5,
        },
    ),
    (
        stappen.advies_indienen,
        lambda raad: {
            "activiteit": _activiteit(),
            "gebruiker": raad,
            "check_randvoorwaarden": "ja",
            "check_zakelijk_partnerschap": "ja",
            "participatie_zinvol": True,
            "onderbouwing": "Namens de raad",
        },
    ),
    (stappen.advies_besluiten, lambda raad: {"advies": _advies(), "gebruiker": raad, "akkoord": True}),
    (
        stappen.plan_indienen,
        lambda raad: {
            "activiteit": _activiteit(),
            "gebruiker": raad,
            "doel": "d",
            "doelgroep": "g",
            "aanpak": "a",
            "planning": "p",
        },
    ),
    (stappen.plan_besluiten, lambda raad: {"plan": _plan(), "gebruiker": raad, "akkoord": True}),
    (
        stappen.evaluatie_toevoegen,
        lambda raad: {
            "activiteit": None,
            "gebruiker": raad,
            "datum": date(2026, 1, 1),
            "bevindingen": "b",
            "bijstellingen": "b",
        },
    ),
    (
        stappen.evaluatie_toevoegen,
        lambda raad: {
            "activiteit": _activiteit(),
            "gebruiker": raad,
            "datum": date(2026, 1, 1),
            "bevindingen": "b",
            "bijstellingen": "b",
        },
    ),
    (
        monitoring.fitgap_bijwerken,
        lambda raad: {
            "indicator": Indicator.objects.first(),
            "gebruiker": raad,
            "fitgap": "fit",
            "fitgap_toelichting": "Namens de raad",
        },
    ),
    (
        monitoring.activiteiten_koppelen,
        lambda raad: {
            "indicator": Indicator.objects.first(),
            "gebruiker": raad,
            "activiteiten": [],
        },
    ),
    (
        monitoring.metingen_importeren,
        lambda raad: {
            "bestand": _csv(),
            "bestandsnaam": "metingen.csv",
            "gebruiker": raad,
            "doorvoeren": True,
        },
    ),
    (monitoring.import_ongedaan_maken, lambda raad: {"import_record": _import(), "gebruiker": raad}),
]


def _naam(dienst) -> str:
    return f"{dienst.__module__}.{dienst.__name__}"


@pytest.mark.parametrize(
    ("dienst", "argumenten"), DIENSTEN, ids=[f"{_naam(d)}-{i}" for i, (d, _) in enumerate(DIENSTEN)]
)
def test_a_service_refuses_who_may_not_act_and_writes_nothing(demo, dienst, argumenten):
    kwargs = argumenten(demo["raad"])
    voor = _tabellen()
    with pytest.raises(PermissionDenied):
        dienst(**kwargs)
    assert _tabellen() == voor


def _diensten_met_handelende_gebruiker() -> set[str]:
    gevonden = set()
    for pakket in (actielijnen, participatie_services, monitoring, rapportage_services, accounts_services):
        for module in {
            inspect.getmodule(obj) for _, obj in inspect.getmembers(pakket, inspect.isfunction)
        } | {getattr(pakket, naam) for naam in dir(pakket) if inspect.ismodule(getattr(pakket, naam))}:
            for naam, functie in inspect.getmembers(module, inspect.isfunction):
                if naam.startswith("_") or functie.__module__ != module.__name__:
                    continue
                if HANDELENDE_GEBRUIKER & set(inspect.signature(functie).parameters):
                    gevonden.add(f"{module.__name__}.{naam}")
    return gevonden


def test_every_service_with_an_acting_user_is_refused_somewhere():
    """A new service that takes an acting user gets a row in DIENSTEN (or its own refusal test in ELDERS)."""
    ongetest = {
        naam
        for naam in _diensten_met_handelende_gebruiker()
        if naam not in {_naam(d) for d, _ in DIENSTEN}
        and naam not in ELDERS
        and naam not in GEEN_EIGEN_HANDELING
        # rapportage and accounts checked their users before issue 23; their refusals are in their own tests.
        and not naam.startswith(("rapportage.", "accounts."))
    }
    assert ongetest == set()
