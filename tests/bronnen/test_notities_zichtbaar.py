"""
Every data-quality note shows where its subject shows, to every role that sees that page (issue 24): not only in
the admin. For each note the test names its subject's model, the pages that show that subject, and fails with the
list of notes that a role can open the page of but does not see there.
"""

import html
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from actielijnen.models import Activiteit, Risico
from bronnen.models import Datakwaliteitsnotitie
from participatie.models import Inkooptraject, Inkooptrajectstap

pytestmark = pytest.mark.django_db

# One account per role of the programme organisation and of the raad; raad and griffie open only editions.
ROLLEN = (
    "trekker",
    "trekker2",
    "opdrachtgever",
    "opgavecoordinator",
    "manager",
    "college",
    "raad",
    "griffie",
    "beheerder",
)


def _traject_paginas(fase) -> list[str]:
    """The pages of the procurement tracks with a step in this phase (the steps' table names the phase)."""
    stappen = Inkooptrajectstap.objects.filter(fase=fase).select_related("traject")
    return sorted(
        {reverse("participatie:inkooptraject", kwargs={"sleutel": s.traject.sleutel}) for s in stappen}
    )


# The pages that show a subject, by its model (content type): the subject's own page first, then the lists
# where it is a row or a heading.
PAGINAS = {
    "activiteit": lambda a: [a.get_absolute_url()],
    "actielijn": lambda lijn: [
        reverse("actielijnen:management"),
        *(a.get_absolute_url() for a in lijn.activiteiten.all()),
    ],
    "risico": lambda r: [r.get_absolute_url(), reverse("actielijnen:risicoregister")],
    "inkoopfase": lambda f: [reverse("participatie:inkoop"), *_traject_paginas(f)],
    "inkooptraject": lambda t: [
        reverse("participatie:inkooptraject", kwargs={"sleutel": t.sleutel}),
        reverse("participatie:inkoop"),
    ],
    "communicatiebudget": lambda _b: [reverse("participatie:communicatie"), reverse("rapportage:college")],
    "indicator": lambda i: [i.get_absolute_url(), reverse("monitoring:indicator_list")],
    "doel": lambda d: [
        reverse("monitoring:indicator_list"),
        *(i.get_absolute_url() for i in d.indicatoren.all()),
    ],
    "scenario": lambda _s: [reverse("monitoring:financien")],
    "bedrag": lambda _b: [reverse("monitoring:financien")],
    "kerncijfer": lambda _k: [reverse("monitoring:transformatiepiramide")],
    "piramidestand": lambda _p: [reverse("monitoring:transformatiepiramide")],
    "databedrevenheidspijler": lambda _p: [reverse("monitoring:fitgap")],
    "begrip": lambda _b: [reverse("bronnen:begrippen")],
    "brondocument": lambda _d: [reverse("bronnen:bronnen")],
    # The §5.3 table's levels on the informatiepiramide (issue 24).
    "informatieniveau": lambda _n: [reverse("monitoring:informatiepiramide")],
}


def _zichtbare_tekst(inhoud: bytes) -> str:
    """What a reader reads: the page without tags, entities resolved, whitespace collapsed."""
    tekst = re.sub(r"<[^>]+>", " ", inhoud.decode())
    return " ".join(html.unescape(tekst).split())


def _toont(tekst: str, notitie: Datakwaliteitsnotitie) -> bool:
    return all(
        " ".join(deel.split()) in tekst for deel in (notitie.betreft, notitie.citaat, notitie.toelichting)
    )


def test_every_note_shows_on_the_pages_of_its_subject_to_every_role_that_opens_them(programma, demo, client):
    notities = list(Datakwaliteitsnotitie.objects.select_related("content_type").order_by("sleutel"))
    assert len(notities) >= 54
    paginas: dict[tuple[str, str], tuple[int, str]] = {}

    def lees(url: str, rol: str) -> tuple[int, str]:
        if (url, rol) not in paginas:
            client.force_login(demo[rol])
            antwoord = client.get(url)
            paginas[url, rol] = (antwoord.status_code, _zichtbare_tekst(antwoord.content))
        return paginas[url, rol]

    ontbreekt = []
    for notitie in notities:
        model = notitie.content_type.model
        if model not in PAGINAS:
            ontbreekt.append(f"{notitie.sleutel}: geen pagina bekend voor {model}")
            continue
        gezien_door = set()
        for url in PAGINAS[model](notitie.onderwerp):
            for rol in ROLLEN:
                status, tekst = lees(url, rol)
                if status != 200:
                    continue
                if _toont(tekst, notitie):
                    gezien_door.add(rol)
                else:
                    ontbreekt.append(f"{notitie.sleutel} ({model}) niet op {url} voor {rol}")
        if not gezien_door:
            ontbreekt.append(f"{notitie.sleutel} ({model}): geen rol ziet een pagina met dit onderwerp")
    assert not ontbreekt, "\n".join(ontbreekt)


# What an edition shows (rapportage/momentopname.py): its notes are frozen with it, so raad, griffie and the public
# read them too. Risks: the active ones (the edition's register).
IN_EDITIE = {"indicator", "doel", "kerncijfer", "scenario", "bedrag", "activiteit", "actielijn", "risico"}


def test_every_note_on_what_an_edition_shows_is_frozen_in_it_for_raad_and_griffie(
    programma, demo, client, maak_editie
):
    editie = maak_editie(publiceren=True)
    actief = set(Risico.objects.actief().values_list("pk", flat=True))
    notities = [
        n
        for n in Datakwaliteitsnotitie.objects.select_related("content_type")
        if n.content_type.model in IN_EDITIE and (n.content_type.model != "risico" or n.object_id in actief)
    ]
    assert {n.content_type.model for n in notities} == IN_EDITIE
    ontbreekt = []
    for rol in ("raad", "griffie"):
        client.force_login(demo[rol])
        antwoord = client.get(reverse("rapportage:editie", kwargs={"pk": editie.pk}))
        assert antwoord.status_code == 200
        tekst = _zichtbare_tekst(antwoord.content)
        ontbreekt += [
            f"{n.sleutel} ({n.content_type.model}) niet in de editie voor {rol}"
            for n in notities
            if not _toont(tekst, n)
        ]
    assert not ontbreekt, "\n".join(ontbreekt)


@pytest.mark.parametrize(
    ("adres", "model"),
    [
        ("actielijnen:risicoregister", Risico),
        ("actielijnen:management", Activiteit),
        ("participatie:inkoop", Inkooptraject),
    ],
)
def test_a_list_reads_the_notes_of_its_rows_in_one_query_however_many(programma, demo, client, adres, model):
    client.force_login(demo["manager"])
    url = reverse(adres)
    client.get(url)  # warm the per-process caches (content types, sessions)
    with CaptureQueriesContext(connection) as voor:
        client.get(url)
    for obj in model.objects.all():
        Datakwaliteitsnotitie.objects.create(
            onderwerp=obj,
            sleutel=f"proef-{model._meta.model_name}-{obj.pk}",
            betreft="proefnotitie",
            citaat="Proef.",
            bron="Uitvoeringsplan 2023, §3",
            toelichting="Proef.",
            ernst="informatie",
        )
    with CaptureQueriesContext(connection) as na:
        tekst = _zichtbare_tekst(client.get(url).content)
    assert tekst.count("proefnotitie") >= min(model.objects.count(), 10)
    assert len(na) == len(voor)
