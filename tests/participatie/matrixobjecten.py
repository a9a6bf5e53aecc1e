"""One of each participatie object a URL can point at, for the authorization matrix (tests/test_autorisatiematrix.py).

Made directly with the ORM: the matrix tests who may open a URL, not how the objects come about.
"""

from datetime import date

from monitoring.models import Wijk
from participatie.models import (
    Communicatieactie,
    Communicatielijn,
    Inbreng,
    Inkooptraject,
    Inkooptrajectstap,
    Participatieadvies,
    Participatieplan,
    Participatietraject,
    Stakeholder,
)


def participatie_objecten(gebruikers: dict, activiteit) -> dict:
    """Objects on `activiteit` (of "trekker", opdrachtgever "opdrachtgever"), keyed as the matrix's kwargs use them."""
    trekker = gebruikers["trekker"]
    advies = Participatieadvies.objects.create(
        activiteit=activiteit,
        check_randvoorwaarden="Matrix",
        check_zakelijk_partnerschap="Matrix",
        participatie_zinvol=True,
        onderbouwing="Matrix",
        opgesteld_door=trekker,
    )
    plan = Participatieplan.objects.create(
        activiteit=activiteit,
        doel="Matrix",
        doelgroep="Matrix",
        aanpak="Matrix",
        planning="Matrix",
        opgesteld_door=trekker,
    )
    stakeholder = Stakeholder.objects.get_or_create(naam="Matrixstakeholder")[0]
    traject = Participatietraject.objects.create(naam="Matrixtraject", activiteit=activiteit)
    traject.stakeholders.add(stakeholder)
    wijk = Wijk.objects.get_or_create(naam="Matrixwijk", defaults={"cbs_code": "WK016499"})[0]
    traject.wijken.add(wijk)
    inbreng = Inbreng.objects.create(
        traject=traject, stakeholder=stakeholder, datum=date(2024, 3, 1), inbreng="Matrix"
    )
    inkooptraject = Inkooptraject.objects.filter(sleutel="jeugd").first() or Inkooptraject.objects.create(
        sleutel="jeugd", naam="Jeugd", ingangsdatum=date(2025, 1, 1)
    )
    stap = inkooptraject.stappen.first() or Inkooptrajectstap.objects.create(
        traject=inkooptraject, volgorde=1, naam="Matrixstap", duur_dagen=30
    )
    actie = Communicatieactie.objects.create(
        naam="Matrixactie",
        middel="nieuwsbrief",
        communicatielijn=Communicatielijn.objects.order_by("volgorde").first(),
        activiteit=activiteit,
        eigenaar=trekker,
        gepland_op=date(2024, 3, 1),
    )
    return {
        "participatieadvies": advies,
        "participatieplan": plan,
        "stakeholder": stakeholder,
        "participatietraject": traject,
        "inbreng": inbreng,
        "inkooptraject": inkooptraject,
        "inkoopstap": stap,
        "communicatieactie": actie,
    }
