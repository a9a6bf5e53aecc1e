import pytest

from accounts.constants import Rol
from actielijnen.models import Activiteit
from actielijnen.permissions import akkoord_rollen, mag_bewerken


@pytest.mark.django_db
def test_a_trekker_may_edit_only_the_activities_they_are_trekker_of(trekker, activiteit, andere_activiteit):
    assert list(Activiteit.objects.editable_by(trekker)) == [activiteit]
    assert mag_bewerken(trekker, activiteit)
    assert not mag_bewerken(trekker, andere_activiteit)


@pytest.mark.django_db
def test_a_trekker_may_read_every_activity(trekker, activiteit, andere_activiteit):
    assert set(Activiteit.objects.visible_to(trekker)) == {activiteit, andere_activiteit}


@pytest.mark.django_db
def test_the_datakernteam_may_edit_every_activity(gebruiker, activiteit, andere_activiteit):
    beheerder = gebruiker(Rol.BEHEERDER)
    assert set(Activiteit.objects.editable_by(beheerder)) == {activiteit, andere_activiteit}
    assert mag_bewerken(beheerder, andere_activiteit)


@pytest.mark.django_db
@pytest.mark.parametrize("rol", [Rol.MANAGER, Rol.OPDRACHTGEVER, Rol.COLLEGE, Rol.RAAD])
def test_other_roles_edit_no_activity(gebruiker, activiteit, rol):
    assert not Activiteit.objects.editable_by(gebruiker(rol)).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("rol", [Rol.COLLEGE, Rol.RAAD, Rol.GRIFFIE])
def test_college_and_raad_see_no_activity_details(gebruiker, activiteit, rol):
    assert not Activiteit.objects.visible_to(gebruiker(rol)).exists()


@pytest.mark.django_db
def test_akkoord_roles_come_from_the_people_on_the_activity(
    opdrachtgever, opdrachtnemer, opgavecoordinator, trekker, activiteit
):
    assert akkoord_rollen(opdrachtgever, activiteit) == ["opdrachtgever"]
    assert akkoord_rollen(opdrachtnemer, activiteit) == ["opdrachtnemer"]
    assert akkoord_rollen(opgavecoordinator, activiteit) == ["opgavecoordinator"]
    assert akkoord_rollen(trekker, activiteit) == []
