from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from actielijnen import services
from actielijnen.besluitvorming import Uitkomst, uitkomst
from actielijnen.constants import AkkoordRol, OpdrachtbeschrijvingStatus, PlanningswijzigingStatus
from actielijnen.models import Planningswijziging, Voortgangsrapportage
from tests.actielijnen.factories import MijlpaalFactory, OpdrachtbeschrijvingFactory, RisicoFactory


def _update(activiteit, auteur, **extra):
    return services.voortgangsrapportage_create(
        activiteit=activiteit,
        auteur=auteur,
        **{
            "periode": "2025-05",
            "rag": "groen",
            "percentage_gereed": 50,
            "fase": "uitvoering",
            "toelichting": "Op koers.",
            **extra,
        },
    )


@pytest.mark.django_db
def test_an_update_carries_rag_fase_and_status_onto_the_activity_and_marks_milestones(trekker, activiteit):
    mijlpaal = MijlpaalFactory(activiteit=activiteit)
    rapportage = _update(activiteit, trekker, status="lopend", mijlpalen_bereikt=[mijlpaal])
    activiteit.refresh_from_db()
    mijlpaal.refresh_from_db()
    assert (activiteit.rag, activiteit.fase, activiteit.status) == ("groen", "uitvoering", "lopend")
    assert mijlpaal.datum_bereikt == rapportage.datum
    assert rapportage.auteur == trekker


@pytest.mark.django_db
def test_an_update_without_status_keeps_the_activitys_status(trekker, activiteit):
    _update(activiteit, trekker)
    activiteit.refresh_from_db()
    assert activiteit.status == "onbekend"


@pytest.mark.django_db
def test_an_invalid_update_saves_nothing_and_changes_nothing(trekker, activiteit):
    mijlpaal = MijlpaalFactory(activiteit=activiteit)
    with pytest.raises(ValidationError) as fout:
        _update(activiteit, trekker, percentage_gereed=150, mijlpalen_bereikt=[mijlpaal])
    assert "percentage_gereed" in fout.value.error_dict
    assert not Voortgangsrapportage.objects.exists()
    activiteit.refresh_from_db()
    mijlpaal.refresh_from_db()
    assert activiteit.rag == "" and mijlpaal.datum_bereikt is None


@pytest.mark.django_db
def test_a_needed_decision_must_be_described(trekker, activiteit):
    with pytest.raises(ValidationError):
        _update(activiteit, trekker, besluit_nodig=True, besluit_omschrijving=" ")
    assert not Voortgangsrapportage.objects.exists()


def _wijziging(activiteit, trekker):
    return services.planningswijziging_indienen(
        activiteit=activiteit, aangevraagd_door=trekker, reden="Later", nieuwe_start="", nieuw_einde="2025-Q3"
    )


@pytest.mark.django_db
def test_planning_change_takes_effect_only_after_opdrachtgever_opdrachtnemer_and_opgavecoordinator_agreed(
    trekker, opdrachtgever, opdrachtnemer, opgavecoordinator, activiteit
):
    wijziging = _wijziging(activiteit, trekker)
    for rol, persoon in (
        (AkkoordRol.OPDRACHTGEVER, opdrachtgever),
        (AkkoordRol.OPDRACHTNEMER, opdrachtnemer),
    ):
        wijziging = services.planningswijziging_akkoord_geven(
            planningswijziging=wijziging, rol=rol, gebruiker=persoon, akkoord=True
        )
        activiteit.refresh_from_db()
        assert activiteit.gepland_einde == "2024-Q4"
        assert wijziging.status == PlanningswijzigingStatus.INGEDIEND
    wijziging = services.planningswijziging_akkoord_geven(
        planningswijziging=wijziging,
        rol=AkkoordRol.OPGAVECOORDINATOR,
        gebruiker=opgavecoordinator,
        akkoord=True,
    )
    activiteit.refresh_from_db()
    assert activiteit.gepland_einde == "2025-Q3"
    assert activiteit.geplande_start == "2023-Q2"
    assert wijziging.status == PlanningswijzigingStatus.AKKOORD
    assert wijziging.doorgevoerd_op is not None


@pytest.mark.django_db
def test_one_niet_akkoord_rejects_the_planning_change(trekker, opdrachtgever, opdrachtnemer, activiteit):
    wijziging = _wijziging(activiteit, trekker)
    services.planningswijziging_akkoord_geven(
        planningswijziging=wijziging, rol=AkkoordRol.OPDRACHTGEVER, gebruiker=opdrachtgever, akkoord=True
    )
    wijziging = services.planningswijziging_akkoord_geven(
        planningswijziging=wijziging,
        rol=AkkoordRol.OPDRACHTNEMER,
        gebruiker=opdrachtnemer,
        akkoord=False,
        toelichting="Geen capaciteit.",
    )
    assert wijziging.status == PlanningswijzigingStatus.AFGEWEZEN
    activiteit.refresh_from_db()
    assert activiteit.gepland_einde == "2024-Q4"
    with pytest.raises(ValidationError):
        services.planningswijziging_akkoord_geven(
            planningswijziging=wijziging,
            rol=AkkoordRol.OPGAVECOORDINATOR,
            gebruiker=opdrachtnemer,
            akkoord=True,
        )


@pytest.mark.django_db
def test_a_role_decides_once_and_a_refusal_needs_a_reason(trekker, opdrachtgever, activiteit):
    wijziging = _wijziging(activiteit, trekker)
    with pytest.raises(ValidationError):
        services.planningswijziging_akkoord_geven(
            planningswijziging=wijziging, rol=AkkoordRol.OPDRACHTGEVER, gebruiker=opdrachtgever, akkoord=False
        )
    services.planningswijziging_akkoord_geven(
        planningswijziging=wijziging, rol=AkkoordRol.OPDRACHTGEVER, gebruiker=opdrachtgever, akkoord=True
    )
    with pytest.raises(ValidationError):
        services.planningswijziging_akkoord_geven(
            planningswijziging=wijziging, rol=AkkoordRol.OPDRACHTGEVER, gebruiker=opdrachtgever, akkoord=True
        )
    assert wijziging.akkoorden.count() == 1


@pytest.mark.django_db
def test_only_one_planning_change_is_open_at_a_time(trekker, activiteit):
    _wijziging(activiteit, trekker)
    with pytest.raises(ValidationError):
        _wijziging(activiteit, trekker)
    assert Planningswijziging.objects.count() == 1


@pytest.mark.django_db
def test_a_planning_change_ending_before_its_start_is_refused(trekker, activiteit):
    with pytest.raises(ValidationError):
        services.planningswijziging_indienen(
            activiteit=activiteit, aangevraagd_door=trekker, reden="x", nieuwe_start="", nieuw_einde="2023-Q1"
        )
    assert not Planningswijziging.objects.exists()


def test_the_propose_decide_outcome_needs_every_role_and_stops_at_the_first_refusal():
    rollen = ["a", "b", "c"]
    assert uitkomst({}, rollen) == Uitkomst.OPEN
    assert uitkomst({"a": True, "b": True}, rollen) == Uitkomst.OPEN
    assert uitkomst({"a": True, "b": True, "c": True}, rollen) == Uitkomst.AKKOORD
    assert uitkomst({"a": True, "b": False}, rollen) == Uitkomst.AFGEWEZEN


@pytest.mark.django_db
def test_an_incomplete_opdrachtbeschrijving_cannot_be_offered_for_approval(activiteit):
    with pytest.raises(ValidationError) as fout:
        services.opdrachtbeschrijving_ter_goedkeuring(
            opdrachtbeschrijving=activiteit.opdrachtbeschrijving, door=activiteit.trekker
        )
    assert "Nog leeg" in str(fout.value)


@pytest.mark.django_db
def test_only_the_own_opdrachtgever_sets_the_opdrachtbeschrijving(gebruiker, opdrachtgever, activiteit):
    activiteit.opdrachtbeschrijving.delete()
    opdracht = OpdrachtbeschrijvingFactory(activiteit=activiteit, compleet=True)
    services.opdrachtbeschrijving_ter_goedkeuring(opdrachtbeschrijving=opdracht, door=activiteit.trekker)
    # Another activity's opdrachtgever is refused as anyone without the right is: PermissionDenied, nothing set.
    with pytest.raises(PermissionDenied):
        services.opdrachtbeschrijving_vaststellen(
            opdrachtbeschrijving=opdracht, gebruiker=gebruiker("opdrachtgever")
        )
    opdracht = services.opdrachtbeschrijving_vaststellen(
        opdrachtbeschrijving=opdracht, gebruiker=opdrachtgever
    )
    assert opdracht.status == OpdrachtbeschrijvingStatus.VASTGESTELD
    with pytest.raises(ValidationError):
        services.opdrachtbeschrijving_bijwerken(
            opdrachtbeschrijving=opdracht, door=activiteit.trekker, beschrijving="Anders"
        )


@pytest.mark.django_db
def test_a_rejected_opdrachtbeschrijving_goes_back_to_concept(opdrachtgever, activiteit):
    activiteit.opdrachtbeschrijving.delete()
    opdracht = OpdrachtbeschrijvingFactory(activiteit=activiteit, compleet=True)
    services.opdrachtbeschrijving_ter_goedkeuring(opdrachtbeschrijving=opdracht, door=activiteit.trekker)
    opdracht = services.opdrachtbeschrijving_vaststellen(
        opdrachtbeschrijving=opdracht, gebruiker=opdrachtgever, akkoord=False
    )
    assert opdracht.status == OpdrachtbeschrijvingStatus.CONCEPT
    assert opdracht.vastgesteld_door is None


@pytest.mark.django_db
def test_a_risk_change_is_logged_with_its_trend(trekker, activiteit):
    risico = RisicoFactory(activiteit=activiteit, kans=4, impact=4)
    services.risico_update(
        risico=risico,
        auteur=trekker,
        omschrijving=risico.omschrijving,
        kans=2,
        impact=4,
        beheersmaatregel="Extra overleg",
        status="actief",
        reden="Maatregel werkt.",
    )
    (wijziging,) = risico.wijzigingen.all()
    assert (wijziging.soort, wijziging.kans, wijziging.auteur) == ("kleiner", 2, trekker)


@pytest.mark.django_db
def test_a_yearly_summary_is_one_per_year_and_can_be_rewritten(trekker, activiteit):
    services.jaarsamenvatting_opslaan(
        activiteit=activiteit, jaar=2024, samenvatting="Eerste versie", auteur=trekker
    )
    services.jaarsamenvatting_opslaan(
        activiteit=activiteit, jaar=2024, samenvatting="Tweede versie", auteur=trekker
    )
    assert list(activiteit.jaarsamenvattingen.values_list("samenvatting", flat=True)) == ["Tweede versie"]
