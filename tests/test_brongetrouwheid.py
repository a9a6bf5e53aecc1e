"""
Fidelity: figures and names in the database equal the source documents.

Expected values are read from the seed texts themselves (../shared/seeds), never from fixtures/. Where the source
is broken, a reviewed expectation below says what the application must do instead (and a note must exist).
"""

import re
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from actielijnen.models import Actielijn, Activiteit, Risico, RisicoWijziging, Thema
from bronnen.models import Brondocument, Datakwaliteitsnotitie
from bronnen.velden import BronVeld
from monitoring.models import AndereBronwaarde, Databedrevenheidspijler, Indicator, Informatieniveau, Meting
from participatie.models import Communicatiebudget, Communicatienorm, Contractdatum, Inkoopfase, Inkoopstap
from tests.seeds import (
    JAARSTUKKEN_2023,
    REKENKAMER_2018,
    SCENARIOS,
    UITVOERINGSPLAN,
    UITVOERINGSPLAN_TWEEDE_TEKST,
    datum,
    regels,
    tekst,
)

pytestmark = pytest.mark.django_db


def _getal(cel: str) -> Decimal:
    """Independent reading of a Dutch number cell: '47,3%' → 47.3, '1.605' → 1605."""
    return Decimal(cel.strip().rstrip("%").replace(".", "").replace(",", "."))


def _sectie(bestand: str, begin: str, einde: str) -> list[str]:
    alle = regels(bestand)
    start = next(i for i, r in enumerate(alle) if r.strip() == begin)
    stop = next(i for i, r in enumerate(alle[start + 1 :], start + 1) if r.strip() == einde)
    return [r.strip() for r in alle[start + 1 : stop] if r.strip()]


def _waarden(indicator: Indicator, soort: str) -> dict[str, Decimal]:
    return {
        m.periode: m.waarde.normalize()
        for m in Meting.objects.filter(indicator=indicator, soort=soort, wijk__isnull=True)
    }


def test_the_four_actielijnen_and_their_33_activities_follow_section_2_1(programma):
    activiteiten_per_lijn = {}
    alle = regels(UITVOERINGSPLAN)
    for nummer in range(1, 5):
        start = next(i for i, r in enumerate(alle) if r.strip() == f"Activiteiten binnen actielijn {nummer}")
        namen = []
        for regel in alle[start + 1 :]:
            if not regel.strip():
                if namen:
                    break
                continue
            namen.append(regel.strip())
        activiteiten_per_lijn[nummer] = namen

    assert sum(len(namen) for namen in activiteiten_per_lijn.values()) == 33
    for nummer, namen in activiteiten_per_lijn.items():
        in_db = list(Activiteit.objects.filter(actielijn__nummer=nummer).values_list("naam", flat=True))
        assert in_db == namen, f"actielijn {nummer}"
    koppen = {r.strip() for r in alle}
    for actielijn in Actielijn.objects.all():
        assert f"{actielijn.nummer}. {actielijn.naam}" in koppen


def test_the_25_agenda_codes_match_section_3_exactly(programma):
    agenda = dict(re.findall(r"^(\d\.\d)\t(.+)$", tekst(UITVOERINGSPLAN), flags=re.MULTILINE))
    assert len(agenda) == 25
    in_db = dict(Activiteit.objects.op_agenda().values_list("code", "naam"))
    assert in_db == {code: naam.strip() for code, naam in agenda.items()}
    assert Activiteit.objects.filter(code="").count() == 8


def test_the_two_themes_hold_the_activities_listed_in_2_3_1_and_2_3_2(programma):
    def lijst(kop_begin, kop_einde):
        return [
            r.split(": ", 1)[1].rstrip(".")
            for r in _sectie(UITVOERINGSPLAN, kop_begin, kop_einde)
            if r.startswith("- Actielijn")
        ]

    verwacht = {
        "Zakelijk partnerschap": lijst(
            "2.3.1. Zakelijk partnerschap", "Fase 1: Voorbereiden contractering (Q4 2022-Q1 2023)"
        ),
        "Wijkgericht werken": lijst("2.3.2. Wijkgericht werken", "3. Uitvoeringsagenda 2023"),
    }
    assert len(verwacht["Zakelijk partnerschap"]) == 10
    assert len(verwacht["Wijkgericht werken"]) == 9
    for thema in Thema.objects.prefetch_related("activiteiten"):
        namen = set()
        for activiteit in thema.activiteiten.all():
            kandidaten = {activiteit.naam, *activiteit.alternatieve_namen}
            # §2.3.2 writes "Aanvragen 2.0 Werk en inkomen", §2.1 "Aanvragen 2.0 WI": one activity.
            namen |= kandidaten & set(verwacht[thema.naam])
        assert namen == set(verwacht[thema.naam]), thema.naam


def test_the_ten_base_risks_match_section_3(programma):
    sectie = _sectie(UITVOERINGSPLAN, "Besparing en risicobeheersing", "4. Participatie en communicatie")
    bron = {}
    categorie = None
    for regel in sectie:
        if match := re.match(r"^(\d)\. .*risico's$", regel):
            categorie = match[1]
        elif match := re.match(r"^- ([a-d])\. (.+)$", regel):
            bron[f"{categorie}{match[1]}"] = match[2].strip().rstrip(".")
    assert len(bron) == 10
    in_db = dict(Risico.objects.basisrisicos().values_list("code", "omschrijving"))
    assert set(in_db) == set(bron)
    for code, omschrijving in bron.items():
        if code == "2c":  # 'si' for 'is' in the source: corrected, with a note quoting the source
            assert omschrijving.replace(" si ", " is ") == in_db[code]
            assert Datakwaliteitsnotitie.objects.filter(citaat__contains=omschrijving).exists()
        else:
            assert in_db[code] == omschrijving


def test_risk_changes_of_2023_follow_the_jaarstukken(programma):
    jaarstukken = tekst(JAARSTUKKEN_2023)
    for wijziging in RisicoWijziging.objects.select_related("risico"):
        assert wijziging.toelichting in " ".join(jaarstukken.split())
    assert (
        Risico.objects.get(code="3b").status == "vervallen"
    )  # "houden wij dit risico hier niet meer apart bij"
    assert (
        RisicoWijziging.objects.get(risico__code="3c").soort == "kleiner"
    )  # "Dit risico wordt daarmee kleiner."


def test_risk_changes_of_2023_claim_no_date_or_verdict_the_jaarstukken_do_not_give(programma, client):
    """Issue 24: the Jaarstukken date none of their risk changes, and on 2b they give no verdict. The date is the
    end of the reporting year, marked as assumed on every page; 2b is "toegelicht", not "ongewijzigd"."""
    jaarstukken = " ".join(tekst(JAARSTUKKEN_2023).split())
    wijzigingen = RisicoWijziging.objects.filter(bron__startswith="Jaarstukken 2023")
    assert wijzigingen.count() == 7
    assert all(w.datum_aangenomen for w in wijzigingen)
    assert "31 december 2023" not in jaarstukken and "31-12-2023" not in jaarstukken
    twee_b = wijzigingen.get(risico__code="2b")
    assert twee_b.soort == "toegelicht"
    assert "ongewijzigd" not in twee_b.toelichting.lower()
    client.force_login(get_user_model().objects.get(username="college"))
    html = client.get(reverse("rapportage:college")).content.decode()
    assert "31 december 2023 (aangenomen: de bron noemt geen datum)" in html


def test_procurement_phases_and_dates_follow_2_3_1(programma):
    bron = tekst(UITVOERINGSPLAN)
    fasen = re.findall(r"^Fase (\d): (.+?) \((Q\d \d{4})(?:-(Q\d \d{4}))?\)$", bron, flags=re.MULTILINE)
    assert len(fasen) == 3
    for nummer, naam, start, einde in fasen:
        fase = Inkoopfase.objects.get(nummer=int(nummer))
        assert fase.start_kwartaal == f"{start[3:]}-{start[:2]}"
        assert fase.eind_kwartaal == f"{(einde or start)[3:]}-{(einde or start)[:2]}"
        # The source spells fase 2 "Dialoofase" once and "dialoogfase" elsewhere.
        assert naam in (fase.naam, fase.naam.replace("Dialoog", "Dialoo"))
    stappen = _sectie(
        UITVOERINGSPLAN, "Fase 2: Dialoofase (Q2 2023-Q4 2023)", "Fase 3: Contractering (Q1 2024)"
    )
    bron_stappen = [re.sub(r"^\d\. ", "", r) for r in stappen if re.match(r"^\d\. ", r)]
    assert list(Inkoopstap.objects.filter(fase__nummer=2).values_list("naam", flat=True)) == bron_stappen
    data = {c.sleutel: c.datum.isoformat() for c in Contractdatum.objects.all()}
    assert data["jeugdhulp-wmo-2025"] == "2025-01-01" and "per 1 januari 2025" in bron
    assert data["cpsh-2023"] == data["maatregelhulp-2023"] == "2023-01-01"
    assert "nieuwe overeenkomsten gesloten per 1 januari 2023" in bron
    assert data["doelgroepenvervoer-2023"] == "2023-08-01"
    assert data["huishoudelijke-ondersteuning-2024"] == "2024-01-01"
    assert "per respectievelijk 1 augustus 2023 en 1 januari 2024" in bron


def test_information_pyramid_levels_follow_the_table_of_5_3(programma):
    tabel = {}
    for regel in regels(UITVOERINGSPLAN):
        cellen = regel.split("\t")
        if cellen[0] in {"Uitvoering", "Management", "College", "Raad", "Inwoners"} and len(cellen) >= 3:
            tabel[cellen[0]] = cellen
    assert len(tabel) == 5
    for niveau in Informatieniveau.objects.all():
        cellen = tabel[niveau.naam]
        assert niveau.proces == cellen[1].strip()
        assert niveau.type_indicatoren == cellen[2].strip()
    assert Informatieniveau.objects.get(sleutel="management").bronnen.startswith(
        "Gemeentelijk management, HR"
    )


def test_every_cell_of_the_5_3_table_is_stored_as_printed_with_a_note_where_it_is_odd(programma):
    """All five columns, character for character as the first text version prints them (issue 24): the empty
    place in Management's examples (", ,"), the examples of College and Raad without commas (one a line in the
    second text version) and the empty Proces and Bronnen of Inwoners are kept, each with a note quoting them."""
    plan = tekst(UITVOERINGSPLAN)
    begin = plan.index("Niveau\tProces\tType indicatoren\tBronnen\tVoorbeelden\n")
    tabel = {}
    for regel in plan[begin:].splitlines()[1:6]:
        naam, proces, soort, bronnen, voorbeelden = regel.split("\t")
        tabel[naam] = (proces, soort, bronnen, voorbeelden)
    assert list(tabel) == ["Uitvoering", "Management", "College", "Raad", "Inwoners"]
    niveaus = list(Informatieniveau.objects.all())
    assert [n.naam for n in niveaus] == list(tabel)
    for niveau in niveaus:
        assert (niveau.proces, niveau.type_indicatoren, niveau.bronnen, niveau.voorbeelden) == tabel[
            niveau.naam
        ]
        assert niveau.bron == "Uitvoeringsplan 2023, §5.3"

    def notities(sleutel):
        niveau = Informatieniveau.objects.get(sleutel=sleutel)
        return Datakwaliteitsnotitie.objects.filter(
            content_type__model="informatieniveau", object_id=niveau.pk
        )

    bron = " ".join(plan.split())
    assert ", , " in tabel["Management"][3]
    assert notities("management").get().citaat in bron
    assert "partners, , beleidseffecten" in notities("management").get().citaat
    assert tabel["Inwoners"][0] == tabel["Inwoners"][2] == ""
    assert "Proces & impact" in notities("inwoners").get().citaat
    for sleutel in ("college", "raad"):
        assert (
            notities(sleutel).get().citaat
            == "Doelen versus realisatie (financieel en inhoudelijk) Cliëntervaring Partnertevredenheid"
        )
    # The second text version prints College's examples one a line: the note says so.
    assert (
        "Doelen versus realisatie \n(financieel en inhoudelijk)\nCliëntervaring\nPartnertevredenheid"
        in tekst(UITVOERINGSPLAN_TWEEDE_TEKST)
    )


# Rows of §6.2 where the source cannot be read as it stands; each has a data-quality note (reviewed by hand).
UITZONDERINGEN = {
    # indicator code: (years of streefwaarden left out, years shifted in from the next line)
    "6.1.2.1": {"weggelaten_streef": {"2023"}},
    "6.2.3.3": {"peil_alleen": {"2019"}},
}


def _rij_62(naam: str) -> list[str]:
    for regel in regels(UITVOERINGSPLAN):
        if regel.startswith(naam + "\t"):
            return regel.split("\t")
    raise AssertionError(f"indicator niet gevonden in de bron: {naam}")


@pytest.mark.parametrize(
    "code",
    [
        "6.1.1.1",
        "6.1.1.2",
        "6.1.2.1",
        "6.1.2.2",
        "6.2.1.1",
        "6.2.1.2",
        "6.2.2.1",
        "6.2.2.2",
        "6.2.2.3",
        "6.2.3.1",
        "6.2.3.2",
        "6.2.3.3",
        "6.2.4.1",
        "6.2.5.1",
        "6.2.5.2",
        "6.2.5.3",
    ],
)
def test_indicator_values_of_section_6_2_equal_the_source(programma, code):
    indicator = Indicator.objects.get(code=code)
    cellen = _rij_62(indicator.naam)
    peil_cel, jaarstukken_2021, *streef_cellen = (c.strip() for c in cellen[1:])

    peil = {jaar: _getal(waarde) for waarde, jaar in re.findall(r"([\d.,]+%?) \((\d{4})\)", peil_cel)}
    assert _waarden(indicator, "peil") == peil

    realisatie = _waarden(indicator, "realisatie")
    if jaarstukken_2021 == "n.v.t.":
        assert realisatie == {}
    else:
        assert realisatie == {"2021": _getal(jaarstukken_2021)}

    streef = {str(2022 + i): _getal(cel) for i, cel in enumerate(streef_cellen)}
    weggelaten = UITZONDERINGEN.get(code, {}).get("weggelaten_streef", set())
    for jaar in weggelaten:
        assert streef.pop(jaar) > 100  # '202300,0%': kept out
        assert indicator.datakwaliteit.filter(ernst="uitgesloten").exists()
    assert _waarden(indicator, "streef") == streef

    # Every figure keeps the precision its cell is written in: "15,0%" → 1 decimal, "45%" → 0, "1.605" → 0.
    cel_per_slot = {
        ("peil", jaar): waarde for waarde, jaar in re.findall(r"([\d.,]+%?) \((\d{4})\)", peil_cel)
    }
    if jaarstukken_2021 != "n.v.t.":
        cel_per_slot[("realisatie", "2021")] = jaarstukken_2021
    for i, cel in enumerate(streef_cellen):
        if str(2022 + i) not in weggelaten:
            cel_per_slot[("streef", str(2022 + i))] = cel
    opgeslagen = {
        (m.soort, m.periode): m.decimalen
        for m in Meting.objects.filter(indicator=indicator, wijk__isnull=True, gebied__isnull=True)
    }
    assert opgeslagen == {slot: _aantal_decimalen(cel) for slot, cel in cel_per_slot.items()}


def _aantal_decimalen(cel: str) -> int:
    """Independent reading: the digits after the decimal comma ('47,3%' → 1, '2,80%' → 2, '1.605' → 0)."""
    return len(cel.split(",")[1].rstrip("%")) if "," in cel else 0


def test_satisfaction_indicators_carry_the_jaarstukken_2023_realisations(programma):
    rijen = [r.split("\t") for r in regels(JAARSTUKKEN_2023) if r.startswith("Percentage gebruikers")]
    assert len(rijen) == 3
    for code, rij in zip(("6.2.6.1", "6.2.6.2", "6.2.6.3"), rijen, strict=True):
        verwacht = {jaar: _getal(cel) for jaar, cel in zip(("2021", "2022", "2023"), rij[1:4], strict=True)}
        assert _waarden(Indicator.objects.get(code=code), "realisatie") == verwacht


def test_the_report_marks_of_6_2_6_are_stored_as_printed_in_a_series_of_their_own(programma):
    """Known trap: table 6.2.6's columns are shifted. Row 1 prints its baseline as a report mark, "6,5 (2018)", and
    the years 2022–2026 where its targets belong; row 2 (Wmo) prints those targets, 6,6–6,9. They are stored as
    report marks, as printed, in a series of their own; the Jaarstukken's percentages (65%, 73%, 77%) stay in
    6.2.6.1, without a target, so the two are never compared."""
    alle = regels(UITVOERINGSPLAN)
    kop = next(i for i, r in enumerate(alle) if r.startswith("6.2.6 "))
    rijen = [r.split("\t") for r in alle[kop + 1 : kop + 6] if r.startswith("Percentage gebruikers")]
    eerste, tweede = rijen[0], rijen[1]
    peil_cel, kolom_2021, *jaren = (c.strip() for c in eerste[1:])
    streef_cellen = [c.strip() for c in tweede[3:]]
    ((peil, peil_jaar),) = re.findall(r"^([\d,]+) \((\d{4})\)$", peil_cel)
    assert jaren == ["2022", "2023", "2024", "2025", "2026"] and kolom_2021 == "n.v.t."
    assert all(1 <= _getal(cel) <= 10 and "%" not in cel for cel in (peil, *streef_cellen))  # report marks

    cijfers = Indicator.objects.get(code="6.2.6.1-cijfer")
    assert (cijfers.eenheid, cijfers.doel.code) == ("rapportcijfer", "6.2.6")
    assert _waarden(cijfers, "peil") == {peil_jaar: _getal(peil)}
    assert _waarden(cijfers, "streef") == {j: _getal(c) for j, c in zip(jaren, streef_cellen, strict=True)}
    assert _waarden(cijfers, "realisatie") == {}
    assert set(Meting.objects.filter(indicator=cijfers).values_list("decimalen", flat=True)) == {1}
    # The name is row 1's, with "rapportcijfer" for "Percentage … (%)".
    assert cijfers.naam.endswith("(rapportcijfer)") and "re-integratievoorzieningen" in eerste[0]
    assert "over het uiteindelijk bereikte resultaat van het traject" in eerste[0] and cijfers.naam

    procent = Indicator.objects.get(code="6.2.6.1")
    assert procent.eenheid == "percentage"
    assert _waarden(procent, "peil") == {} and _waarden(procent, "streef") == {}
    # One note on both series, quoting the shifted rows of the plan and the Jaarstukken's row.
    rij_002 = next(r for r in regels(JAARSTUKKEN_2023) if r.startswith("Percentage gebruikers van re-"))
    for indicator in (cijfers, procent):
        notitie = indicator.datakwaliteit.get(betreft__startswith="rapportcijfers")
        for cel in (peil_cel, *jaren, *streef_cellen, *rij_002.split("\t")[1:]):
            assert cel in notitie.citaat, (indicator.code, cel)
    # The shifted targets of the other rows belong one row up: 77% to the Wmo indicator, 97% to jeugdhulp.
    assert set(_waarden(Indicator.objects.get(code="6.2.6.2"), "streef").values()) == {Decimal("77")}
    assert set(_waarden(Indicator.objects.get(code="6.2.6.3"), "streef").values()) == {Decimal("97")}


def _citaatstukken(citaat: str, korte_namen: tuple[str, ...]) -> list[str]:
    """The quoted pieces of a note: split on ' / ', ' — ' and '…'; a leading 'Uitvoeringsplan 2023, …:' label and
    quotation marks are not part of the quote."""
    stukken = []
    for stuk in re.split(r" / | — |…", citaat):
        stuk = " ".join(stuk.split()).strip(" :")
        if stuk.startswith(korte_namen) and ": " in stuk:
            stuk = stuk.split(": ", 1)[1]
        stukken.append(stuk.strip('"').strip())
    return stukken


def test_every_note_quotes_text_that_is_in_the_sources(programma):
    korte_namen = tuple(Brondocument.objects.values_list("korte_naam", flat=True))
    bronnen = " ".join("".join(tekst(d.bestand) for d in Brondocument.objects.all()).split())
    assert Datakwaliteitsnotitie.objects.count() >= 30
    for notitie in Datakwaliteitsnotitie.objects.all():
        for stuk in _citaatstukken(notitie.citaat, korte_namen):
            if len(stuk) > 12:
                assert stuk in bronnen or stuk.replace("'", "") in bronnen.replace("'", ""), (
                    notitie.sleutel,
                    stuk,
                )


# --- The sources themselves as data (issue 12, "The sources as printed") ------------------------------------------


def test_dates_and_zaaknummers_of_the_documents_are_stored_as_printed(programma):
    plan = tekst(UITVOERINGSPLAN)
    brief = re.search(r"^Uitvoeringsplan transformatie sociaal domein\t(\d+)\t\t(\d+ \w+ \d{4})$", plan, re.M)
    versie = re.search(r"^Definitieve versie\n(\d+ \w+ \d{4})$", plan, re.M)
    kaders = re.search(r"de aanvullende kaders ervan vastgesteld op (\d+ \w+ \d{4})", plan)
    uitvoeringsplan = Brondocument.objects.get(code="000")
    assert (uitvoeringsplan.zaaknummer, uitvoeringsplan.briefdatum) == (brief[1], datum(brief[2]))
    assert uitvoeringsplan.datum == datum(versie[1])
    assert uitvoeringsplan.besluitdatum == datum(kaders[1])
    assert uitvoeringsplan.korte_naam == "Uitvoeringsplan 2023"

    scenarios = re.search(r"politieke markt\t(\d+)\t\t(\d+ \w+ \d{4})$", tekst(SCENARIOS), re.M)
    document = Brondocument.objects.get(code="003")
    assert (document.zaaknummer, document.briefdatum) == (scenarios[1], datum(scenarios[2]))

    rekenkamer = tekst(REKENKAMER_2018)
    zaaknummer = re.search(r"^ZAAKNUMMER\t.*\n(\d+)\t", rekenkamer, re.M)[1]
    aanbieding = re.search(r"\*\*Datum\*\*\n\n(\d+ \w+ \d{4})", rekenkamer)[1]
    document = Brondocument.objects.get(code="004")
    assert (document.zaaknummer, document.briefdatum) == (zaaknummer, datum(aanbieding))
    # The raadsbesluit leaves its DATUM blank: no decision date is invented, a note says so.
    assert "DE GEMEENTERAAD VAN HENGELO,\n\nDATUM\n" in rekenkamer
    assert document.besluitdatum is None
    assert document.datakwaliteit.filter(betreft="besluitdatum").exists()
    # The second extraction of the plan carries the same zaaknummer.
    assert (
        re.search(r"Bladnummer Zaaknummer Uw kenmerk\s*\n2 (\d+)", tekst(UITVOERINGSPLAN_TWEEDE_TEKST))[1]
        == uitvoeringsplan.zaaknummer
    )


def test_every_bron_cites_a_document_as_a_reader_knows_it(programma):
    """Sources are cited by name ("Uitvoeringsplan 2023, §6.2, tabel 6.2.3"), never by file code ("000 §6.2")."""
    from django.apps import apps

    korte_namen = tuple(Brondocument.objects.values_list("korte_naam", flat=True))
    gezien = 0
    for model in apps.get_models():
        veld = next((v for v in model._meta.fields if v.name == "bron"), None)
        if veld is None or model.__name__.startswith("Historical") or model is Brondocument:
            continue
        # One declaration of the citation (bronnen.velden), not a CharField spelled out per model.
        assert isinstance(veld, BronVeld), model.__name__
        for bron in model.objects.exclude(bron="").values_list("bron", flat=True):
            gezien += 1
            assert bron.startswith(korte_namen), (model.__name__, bron)
            assert not re.match(r"^\d{3}\b", bron), (model.__name__, bron)
    assert gezien > 300


def test_the_four_pillars_of_databedrevenheid_follow_the_table_of_5_1(programma, client, django_user_model):
    alle = regels(UITVOERINGSPLAN)
    start = next(i for i, r in enumerate(alle) if "vier pijlers van databedrevenheid" in r)
    koppen, rijen = [], []
    for regel in alle[start + 1 :]:
        if "\t" in regel:
            rijen.append(regel.split("\t"))
        elif regel.strip() and not rijen:
            koppen.append(regel.strip())
        elif rijen:
            break
    assert koppen == ["Data", "Kennis", "Strategie", "Cultuur"]
    verwacht = {
        kop: [r[i].strip() for r in rijen if i < len(r) and r[i].strip()] for i, kop in enumerate(koppen)
    }
    opgeslagen = {
        p.naam: [e.naam for e in p.elementen.all()]
        for p in Databedrevenheidspijler.objects.prefetch_related("elementen")
    }
    assert opgeslagen == verwacht
    assert list(Databedrevenheidspijler.objects.values_list("naam", flat=True)) == koppen
    # Shown where the fit-gap analysis of §5.1 is read, with the note on how the table was read.
    client.force_login(django_user_model.objects.get(username="beheerder"))
    html = client.get("/monitoring/fit-gap/").content.decode()
    assert "pijlers van databedrevenheid" in html and "Rituelen en datahelden" in html
    assert "indeling van de elementen over de pijlers" in html


def test_communication_budget_and_newsletter_norm_follow_4_2(programma, client, django_user_model):
    for bestand in (UITVOERINGSPLAN, UITVOERINGSPLAN_TWEEDE_TEKST):  # both extractions print the same figures
        bron = " ".join(tekst(bestand).split())
        van, tot = re.search(r"\(in totaal ([\d.]+) – ([\d.]+) euro\)", bron).groups()
        budget = Communicatiebudget.objects.get()
        assert (budget.bedrag_van, budget.bedrag_tot) == (_getal(van), _getal(tot))
        if bestand == UITVOERINGSPLAN:  # the second extraction breaks the sentence with hyphens
            assert budget.citaat in bron
        aantal = re.search(r"Minimaal (\w+) keer per (\w+) informeren we", bron)
        norm = Communicatienorm.objects.get()
        assert ("vier", norm.per) == (aantal[1], aantal[2]) and norm.minimaal_aantal == 4
    assert {lijn.sleutel for lijn in budget.communicatielijnen.all()} == {"client", "inwoner"}
    assert norm.communicatielijn.sleutel == "partner"
    # The college sees them beside the other outcomes of the plan.
    client.force_login(django_user_model.objects.get(username="college"))
    html = client.get("/college/").content.decode().replace("\u00a0", " ")
    assert "€ 100.000 tot € 120.000" in html and "minimaal 4 keer per jaar" in html


def test_client_satisfaction_2021_keeps_both_sources_and_flags_the_conflict(programma):
    jaarstukken = [r.split("\t") for r in regels(JAARSTUKKEN_2023) if r.startswith("Percentage gebruikers")]
    plan = [_rij_62(Indicator.objects.get(code=c).naam) for c in ("6.2.6.1", "6.2.6.2", "6.2.6.3")]
    for code, rij_002, rij_000 in zip(("6.2.6.1", "6.2.6.2", "6.2.6.3"), jaarstukken, plan, strict=True):
        meting = Meting.objects.get(indicator__code=code, periode="2021", soort="realisatie")
        assert meting.waarde == _getal(rij_002[1]) and meting.bron.startswith("Jaarstukken 2023")
        ander = AndereBronwaarde.objects.get(meting=meting)
        assert ander.cel == rij_000[2].strip() == "n.v.t."  # the plan's column "Jaarstukken 2021"
        assert ander.waarde is None and ander.is_conflict
        assert ander.brondocument.korte_naam == "Uitvoeringsplan 2023" and ander.bron.startswith(
            "Uitvoeringsplan 2023"
        )
        # The note quoting both hangs on the indicator itself, so it shows wherever the indicator's notes show.
        notitie = meting.indicator.datakwaliteit.get(betreft__startswith="realisatie 2021")
        assert "n.v.t." in notitie.citaat and rij_002[1] in notitie.citaat
    # Meting's unique key is unchanged: still one realisation per slot.
    assert Meting.objects.filter(indicator__code="6.2.6.1", periode="2021", soort="realisatie").count() == 1


def test_corrected_spellings_stay_findable_with_a_note(programma, client, django_user_model):
    plan = regels(UITVOERINGSPLAN)
    assert "- Actielijn 2: Gelddalie" in plan and "2.3\tGeldbalie" in plan
    assert "Fase 2: Dialoofase (Q2 2023-Q4 2023)" in plan
    geldbalie = Activiteit.objects.get(naam="Geldbalie")
    assert "Gelddalie" in geldbalie.alternatieve_namen
    assert Datakwaliteitsnotitie.objects.filter(
        citaat="- Actielijn 2: Gelddalie", object_id=geldbalie.pk
    ).exists()
    fase = Inkoopfase.objects.get(nummer=2)
    assert fase.naam == "Dialoogfase"
    assert fase.datakwaliteit.filter(citaat__contains="Dialoofase").exists()
    client.force_login(django_user_model.objects.get(username="beheerder"))
    assert "Geldbalie" in client.get("/admin/actielijnen/activiteit/?q=Gelddalie").content.decode()
    assert "Dialoogfase" in client.get("/admin/participatie/inkoopfase/?q=Dialoofase").content.decode()
