"""The informatiepiramide of the Uitvoeringsplan (§5.3) as a page for every role and for inwoners: the table's
levels as printed, the notes on its cells, and for the viewer where each level reads in this application."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from accounts.selectors import niveaus_voor
from bronnen.models import Datakwaliteitsnotitie
from monitoring.models import Informatieniveau


@dataclass
class Piramideniveau:
    """One row of the table, and the viewer's way to that level here (`url` None: not for this viewer)."""

    niveau: Informatieniveau
    url: str | None = None
    eigen: bool = False
    notities: list[Datakwaliteitsnotitie] = field(default_factory=list)


@dataclass
class Tabelnotitie:
    """A note on the table, once, with the levels it concerns ("College en Raad" share one)."""

    notitie: Datakwaliteitsnotitie
    bij: str


@dataclass
class Informatiepiramide:
    niveaus: list[Piramideniveau]
    notities: list[Tabelnotitie]


def informatiepiramide(user) -> Informatiepiramide:
    """The levels in the table's order with their notes, and for `user` (or an anonymous visitor) the address of
    each level they may open (2 queries: the levels and their notes; the levels' permissions are the user's)."""
    niveaus = {n.pk: Piramideniveau(n) for n in Informatieniveau.objects.all()}
    notities = Datakwaliteitsnotitie.objects.filter(
        content_type=ContentType.objects.get_for_model(Informatieniveau), object_id__in=list(niveaus)
    ).order_by("sleutel")
    for notitie in notities:
        niveaus[notitie.object_id].notities.append(notitie)

    toegang = {niveau.sleutel: niveau for niveau in niveaus_voor(user)}
    for rij in niveaus.values():
        eigen = toegang.get(rij.niveau.sleutel)
        if eigen is None or not eigen.open or not eigen.url_name:
            continue
        try:
            rij.url = reverse(eigen.url_name)
        except NoReverseMatch:
            continue
        rij.eigen = eigen.eigen

    # A note on several rows is stored once per row with the same citation (bronnen.laden): show it once.
    gebundeld: dict[tuple[str, str], tuple[Datakwaliteitsnotitie, list[str]]] = {}
    for rij in niveaus.values():
        for notitie in rij.notities:
            gebundeld.setdefault((notitie.betreft, notitie.citaat), (notitie, []))[1].append(rij.niveau.naam)
    return Informatiepiramide(
        niveaus=list(niveaus.values()),
        notities=[Tabelnotitie(notitie, _opsomming(namen)) for notitie, namen in gebundeld.values()],
    )


def _opsomming(namen: list[str]) -> str:
    """["College", "Raad"] → "College en Raad"."""
    return namen[0] if len(namen) == 1 else f"{', '.join(namen[:-1])} en {namen[-1]}"
