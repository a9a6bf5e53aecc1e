""" "Wat deden we met de inbreng" in the raad edition and "u zei, wij deden" on the public page (issue 16).

The edition stores the contributions processed by its peildatum, never the person's name (not in the snapshot,
the page, the PDF, the XLSX or the CSV); an edition stored before issue 16 still renders and exports; the public
page reads only the latest published edition.
"""

import io
import json
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.urls import reverse

import openpyxl
import pytest
from pypdf import PdfReader

from actielijnen.models import Activiteit
from participatie.models import Participatietraject, Stakeholder
from participatie.services import inbreng as inbreng_module
from rapportage import export_csv, export_pdf, export_xlsx, inwonerstekst
from rapportage.constants import Sectie
from rapportage.models import Rapportage
from rapportage.weergave import editie_weergave
from tests.rapportage.test_inwoners_b1 import leesbaarheid, secties

PERSOON = "Annemiek Tuinstra"
PEILDATUM = date(2024, 4, 30)


@pytest.fixture
def inbreng(demo):
    """Three contributions: processed before the peildatum (overgenomen, niet), one still open."""
    activiteit = Activiteit.objects.filter(trekker__username="trekker").order_by("pk").first()
    traject = Participatietraject.objects.create(naam="Klankbordgroep toegang", activiteit=activiteit)
    adviesraad = Stakeholder.objects.get_or_create(naam="Testadviesraad")[0]
    trekker = demo["trekker"]

    def maak(tekst, verwerking=None, reactie="", op=None, stakeholder=adviesraad):
        rij = inbreng_module.inbreng_toevoegen(
            traject=traject,
            door=trekker,
            stakeholder=stakeholder,
            persoon=PERSOON,
            datum=date(2024, 2, 1),
            inbreng=tekst,
        )
        if verwerking:
            rij = inbreng_module.inbreng_verwerken(
                inbreng=rij, door=trekker, verwerking=verwerking, reactie=reactie, vandaag=op
            )
        return rij

    return {
        "traject": traject,
        "maak": maak,
        "overgenomen": maak(
            "Houd de avonden in de wijk.", "overgenomen", "De avonden zijn nu in de wijk.", date(2024, 3, 1)
        ),
        "niet": maak(
            "Maak het vervoer gratis.", "niet", "Dat past niet in het budget.", date(2024, 4, 2), None
        ),
        "open": maak("Vraag de huisartsen mee."),
    }


def _alle_tekst_van_werkmap(inhoud: bytes) -> str:
    werkmap = openpyxl.load_workbook(io.BytesIO(inhoud))
    return "\n".join(
        str(cel.value) for blad in werkmap.worksheets for rij in blad.iter_rows() for cel in rij if cel.value
    )


def _csv(rapportage) -> str:
    return "\n".join(export_csv.csv_maken(rapportage, t).decode("utf-8-sig") for t in export_csv.TABELLEN)


def test_de_editie_bewaart_de_verwerkte_inbreng_zonder_persoon(maak_editie, inbreng):
    editie = maak_editie(peildatum=PEILDATUM)
    rijen = editie.inhoud["participatie"]["inbreng"]
    assert [r["inbreng"] for r in rijen] == ["Maak het vervoer gratis.", "Houd de avonden in de wijk."]
    assert rijen[1] == {
        "traject": "Klankbordgroep toegang",
        "activiteit": inbreng["traject"].activiteit.naam,
        "stakeholder": "Testadviesraad",
        "datum": "2024-02-01",
        "inbreng": "Houd de avonden in de wijk.",
        "verwerking": "overgenomen",
        "verwerking_label": "Overgenomen",
        "reactie": "De avonden zijn nu in de wijk.",
        "verwerkt_op": "2024-03-01",
        "voorbeeld": False,  # real work, not the demo's (kern/herkomst.py)
    }
    assert rijen[0]["stakeholder"] == "Inwoners"  # no organisation: residents themselves
    assert PERSOON.split()[1] not in json.dumps(editie.inhoud)
    # Processed after the peildatum: not in this edition.
    later = maak_editie(peildatum=date(2024, 2, 15))
    assert later.inhoud["participatie"]["inbreng"] == []


def test_de_editiepagina_pdf_xlsx_en_csv_tonen_de_inbreng_maar_nooit_de_persoon(
    client, demo, maak_editie, inbreng
):
    editie = maak_editie(peildatum=PEILDATUM)
    client.force_login(demo["manager"])
    html = client.get(editie.get_absolute_url()).content.decode()
    assert Sectie.PARTICIPATIE.label in html and "Dat past niet in het budget." in html
    assert "Niet overgenomen" in html

    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(export_pdf.pdf_maken(editie))).pages)
    werkmap = openpyxl.load_workbook(io.BytesIO(export_xlsx.xlsx_maken(editie)))
    xlsx = _alle_tekst_van_werkmap(export_xlsx.xlsx_maken(editie))
    csv = _csv(editie)
    for naam, tekst in (("pagina", html), ("pdf", pdf), ("xlsx", xlsx), ("csv", csv)):
        assert "Houd de avonden in de wijk." in " ".join(tekst.split()), naam
        assert "Tuinstra" not in tekst and "Annemiek" not in tekst, naam

    blad = werkmap["Inbreng"]
    waarden = [[c.value for c in rij] for rij in blad.iter_rows()]
    # Counts per verwerking on top, then the contributions.
    assert ["Overgenomen", 1] in [w[:2] for w in waarden]
    assert ["Niet overgenomen", 1] in [w[:2] for w in waarden]
    assert ["Deels overgenomen", 0] in [w[:2] for w in waarden]
    eerste_telling = next(i for i, w in enumerate(waarden) if w[0] == "Overgenomen")
    eerste_rij = next(i for i, w in enumerate(waarden) if w[0] == "Klankbordgroep toegang")
    assert eerste_telling < eerste_rij


def test_een_oudere_editie_zonder_inbreng_toont_en_exporteert(client, demo, maak_editie, inbreng):
    editie = maak_editie(peildatum=PEILDATUM)
    oud = dict(editie.inhoud)
    del oud["participatie"]
    Rapportage.objects.filter(pk=editie.pk).update(inhoud=oud)
    editie.refresh_from_db()
    assert "participatie" not in editie.inhoud

    client.force_login(demo["manager"])
    antwoord = client.get(editie.get_absolute_url())
    assert antwoord.status_code == 200
    assert "Er was op de peildatum geen verwerkte inbreng" in antwoord.content.decode()
    werkmap = openpyxl.load_workbook(io.BytesIO(export_xlsx.xlsx_maken(editie)))
    assert "Inbreng" in werkmap.sheetnames
    for tabel in ("inbreng", "inbreng_telling"):
        assert client.get(reverse("rapportage:editie_csv", args=[editie.pk, tabel])).status_code == 200
    html = render_to_string(
        "rapportage/pdf/editie.html",
        {
            "rapportage": editie,
            "weergave": editie_weergave(editie, AnonymousUser()),
            "user": AnonymousUser(),
        },
    )
    assert Sectie.PARTICIPATIE.label in html
    # Comparing the old edition with a new one works too.
    nieuw = maak_editie(peildatum=date(2024, 5, 31))
    antwoord = client.get(reverse("rapportage:vergelijken"), {"oud": editie.pk, "nieuw": nieuw.pk})
    assert antwoord.status_code == 200


@pytest.mark.usefixtures("pdf_als_stempel")
def test_de_publieke_pagina_toont_u_zei_wij_deden_alleen_uit_een_gepubliceerde_editie(
    client, maak_editie, inbreng
):
    url = reverse("rapportage:inwoners")
    maak_editie(peildatum=date(2024, 4, 29))  # a concept: not public
    html = client.get(url).content.decode()
    assert "Houd de avonden in de wijk." not in html
    assert inwonerstekst.INBRENG["geen_verslag"].split(".")[0] in html

    maak_editie(peildatum=PEILDATUM, publiceren=True)
    html = client.get(url).content.decode()
    sectie = html.split('id="inbreng-kop"')[1].split("</section>")[0]
    assert "U zei:</strong> Houd de avonden in de wijk." in sectie
    assert "Wij deden:</strong> Dat doen we. De avonden zijn nu in de wijk." in sectie
    assert "Wij deden:</strong> Dat doen we niet. Dat past niet in het budget." in sectie
    assert "Vraag de huisartsen mee." not in sectie  # still open
    assert "Annemiek" not in html and "Tuinstra" not in html
    # Newest processed first.
    assert sectie.index("Maak het vervoer gratis.") < sectie.index("Houd de avonden in de wijk.")

    # Processed after publication: not public until the next edition.
    inbreng_module.inbreng_verwerken(
        inbreng=inbreng["open"],
        door=inbreng["open"].traject.activiteit.trekker,
        verwerking="deels",
        reactie="We nodigen twee huisartsen uit.",
        vandaag=date(2024, 5, 10),
    )
    assert "Vraag de huisartsen mee." not in client.get(url).content.decode()
    maak_editie(peildatum=date(2024, 5, 31), publiceren=True)
    html = client.get(url).content.decode()
    assert "U zei:</strong> Vraag de huisartsen mee." in html
    assert "Dat doen we voor een deel. We nodigen twee huisartsen uit." in html


@pytest.mark.usefixtures("pdf_als_stempel")
def test_hoogstens_tien_op_de_publieke_pagina(client, maak_editie, inbreng):
    for n in range(12):
        inbreng["maak"](f"Idee nummer {n}.", "overgenomen", "Gedaan.", date(2024, 4, 10))
    maak_editie(peildatum=PEILDATUM, publiceren=True)
    sectie = client.get(reverse("rapportage:inwoners")).content.decode().split('id="inbreng-kop"')[1]
    sectie = sectie.split("</section>")[0]
    assert sectie.count("U zei:") == inwonerstekst.INBRENG_AANTAL == 10


def test_de_vaste_teksten_zijn_b1(client, programma):
    """The fixed texts of the section (the contributions themselves are the participants' words)."""
    vast = " ".join(
        [
            inwonerstekst.INBRENG["titel"] + ".",
            *inwonerstekst.INBRENG["alineas"],
            inwonerstekst.INBRENG["leeg"],
            inwonerstekst.INBRENG["geen_verslag"],
            *inwonerstekst.INBRENG["verwerking"].values(),
        ]
    )
    leesgemak, zinslengte = leesbaarheid(vast)
    assert leesgemak >= 70 and zinslengte <= 12, (leesgemak, zinslengte)
    gemeten = secties(client.get(reverse("rapportage:inwoners")).content.decode())
    assert inwonerstekst.INBRENG["alineas"][0] in gemeten["inbreng"]
