"""
Loads the programme from `fixtures/` into the database (`manage.py load_programma`).

Idempotent (hengelo_sd/laden.py): a second run changes nothing and writes no history. Fields users own (status,
RAG, people, progress) are set only when a record is first created; records users added are never touched.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from actielijnen.constants import ActiviteitStatus, RisicoStatus
from actielijnen.models import (
    Actielijn,
    Activiteit,
    Kenmerk,
    Modellaag,
    Opdrachtbeschrijving,
    Risico,
    RisicoWijziging,
    Thema,
)
from hengelo_sd.laden import Verslag, datakwaliteit_laden, lees_fixture, upsert
from monitoring.constants import IndicatorSoort, MetingSoort, MetingStatus
from monitoring.laden import laad_monitoring
from monitoring.models import Doel, Indicator, Informatieniveau, Meting
from monitoring.notatie import parse_getal, parse_meervoudig
from participatie.models import (
    Communicatielijn,
    Contractdatum,
    Inkoopfase,
    Inkoopstap,
    Kernelement,
    Participatiestap,
)

BRON_PLAN_62 = "000 §6.2"


@transaction.atomic
def laad_programma(*, demo: bool = False) -> Verslag:
    """Load every fixture file; with demo=True also the demo accounts. All or nothing."""
    verslag = Verslag()
    _laad_nieuw_hengelos_model(verslag)
    _laad_actielijnen(verslag)
    _laad_risicos(verslag)
    _laad_inkoop(verslag)
    _laad_participatie(verslag)
    _laad_informatiepiramide(verslag)
    _laad_indicatoren(verslag)
    laad_monitoring(verslag)  # finances, transformatiepiramide, factsheet, areas (monitoring/laden.py)
    for pad in ("programma/actielijnen.yaml", "programma/risicos.yaml", "programma/indicatoren.yaml"):
        datakwaliteit_laden(verslag, lees_fixture(pad).get("datakwaliteit", []), _OPZOEKEN)
    if demo:
        _laad_demo_gebruikers(verslag)
    return verslag


def _laad_nieuw_hengelos_model(verslag: Verslag) -> None:
    data = lees_fixture("programma/nieuw_hengelos_model.yaml")
    for laag in data["modellagen"]:
        upsert(verslag, Modellaag, {"code": laag["code"]}, {k: v for k, v in laag.items() if k != "code"})
    for kenmerk in data["kenmerken"]:
        upsert(
            verslag,
            Kenmerk,
            {"nummer": kenmerk["nummer"]},
            {k: v for k, v in kenmerk.items() if k != "nummer"},
        )


def _laad_actielijnen(verslag: Verslag) -> None:
    data = lees_fixture("programma/actielijnen.yaml")
    themas = {
        thema["code"]: upsert(
            verslag, Thema, {"code": thema["code"]}, {k: v for k, v in thema.items() if k != "code"}
        )
        for thema in data["themas"]
    }
    for lijn in data["actielijnen"]:
        modellaag = Modellaag.objects.get(code=lijn["modellaag"]) if lijn["modellaag"] else None
        actielijn = upsert(
            verslag,
            Actielijn,
            {"nummer": lijn["nummer"]},
            {
                "naam": lijn["naam"],
                "beschrijving": lijn["beschrijving"],
                "modellaag": modellaag,
                "bron": lijn["bron"],
            },
        )
        for volgorde, act in enumerate(lijn["activiteiten"], start=1):
            code = act.get("code") or ""
            activiteit = upsert(
                verslag,
                Activiteit,
                {"sleutel": act["sleutel"]},
                {
                    "naam": act["naam"],
                    "alternatieve_namen": act.get("alternatieve_namen", []),
                    "actielijn": actielijn,
                    "volgorde": volgorde,
                    "code": code,
                    "bron": f"000 §2.1, actielijn {lijn['nummer']}"
                    + (f"; §3, agenda {code}" if code else ""),
                },
                # §3: the 25 agenda activities start in 2023; of the others the plan says nothing certain.
                bij_aanmaken={"status": ActiviteitStatus.GEPLAND if code else ActiviteitStatus.ONBEKEND},
            )
            for thema_code in act.get("themas", []):
                if not activiteit.themas.filter(pk=themas[thema_code].pk).exists():
                    activiteit.themas.add(themas[thema_code])
                    verslag.tel(Thema, "bijgewerkt")
            if code and not Opdrachtbeschrijving.objects.filter(activiteit=activiteit).exists():
                Opdrachtbeschrijving.objects.create(activiteit=activiteit)
                verslag.tel(Opdrachtbeschrijving, "aangemaakt")


def _laad_risicos(verslag: Verslag) -> None:
    data = lees_fixture("programma/risicos.yaml")
    for risico in data["basisrisicos"]:
        upsert(
            verslag,
            Risico,
            {"code": risico["code"]},
            {
                "categorie": risico["categorie"],
                "omschrijving": risico["omschrijving"],
                "bron": risico["bron"],
            },
            bij_aanmaken={"sleutel": f"basisrisico-{risico['code']}"},
        )
    for wijziging in data["wijzigingen_2023"]:
        risico = Risico.objects.get(code=wijziging["risico"])
        _wijziging_vastleggen(verslag, risico, wijziging)
    for nieuw in data["nieuwe_risicos"]:
        risico = upsert(
            verslag,
            Risico,
            {"sleutel": nieuw["sleutel"]},
            {
                "omschrijving": nieuw["omschrijving"],
                "toelichting": nieuw["toelichting"],
                "bron": nieuw["bron"],
            },
        )
        _wijziging_vastleggen(
            verslag, risico, {"datum": nieuw["datum"], "soort": "nieuw", "bron": nieuw["bron"], **nieuw}
        )


def _wijziging_vastleggen(verslag: Verslag, risico: Risico, wijziging: dict) -> None:
    sleutel = {
        "risico": risico,
        "datum": wijziging["datum"],
        "soort": wijziging["soort"],
        "bron": wijziging["bron"],
    }
    if RisicoWijziging.objects.filter(**sleutel).exists():
        return
    RisicoWijziging.objects.create(**sleutel, toelichting=wijziging["toelichting"].strip())
    verslag.tel(RisicoWijziging, "aangemaakt")
    # Only when the change is first recorded: a later decision by the organisation is not overwritten.
    if wijziging.get("status") == RisicoStatus.VERVALLEN and risico.status != RisicoStatus.VERVALLEN:
        risico.status = RisicoStatus.VERVALLEN
        risico.save(update_fields=["status"])


def _laad_inkoop(verslag: Verslag) -> None:
    data = lees_fixture("programma/inkoop.yaml")
    for fase_data in data["fasen"]:
        fase = upsert(
            verslag,
            Inkoopfase,
            {"nummer": fase_data["nummer"]},
            {k: fase_data[k] for k in ("naam", "start_kwartaal", "eind_kwartaal", "beschrijving", "bron")},
        )
        for nummer, naam in enumerate(fase_data.get("stappen", []), start=1):
            upsert(
                verslag,
                Inkoopstap,
                {"fase": fase, "nummer": nummer},
                {"naam": naam, "bron": fase_data["bron"]},
            )
        for volgorde, naam in enumerate(fase_data.get("kernelementen", []), start=1):
            upsert(
                verslag,
                Kernelement,
                {"fase": fase, "volgorde": volgorde},
                {"naam": naam, "bron": fase_data["bron"]},
            )
    for datum in data["contractdata"]:
        upsert(
            verslag,
            Contractdatum,
            {"sleutel": datum["sleutel"]},
            {k: v for k, v in datum.items() if k != "sleutel"},
        )


def _laad_participatie(verslag: Verslag) -> None:
    data = lees_fixture("programma/participatie.yaml")
    for volgorde, stap in enumerate(data["participatiestappen"], start=1):
        upsert(
            verslag,
            Participatiestap,
            {"nummer": stap["nummer"]},
            {
                "volgorde": volgorde,
                "naam": stap["naam"],
                "beschrijving": stap["beschrijving"],
                "bron": stap["bron"],
            },
        )
    for volgorde, lijn in enumerate(data["communicatielijnen"], start=1):
        upsert(
            verslag,
            Communicatielijn,
            {"sleutel": lijn["sleutel"]},
            {"naam": lijn["naam"], "volgorde": volgorde, "bron": lijn["bron"]},
        )


def _laad_informatiepiramide(verslag: Verslag) -> None:
    for volgorde, niveau in enumerate(lees_fixture("programma/informatiepiramide.yaml")["niveaus"], start=1):
        waarden = {k: (v or "").strip() for k, v in niveau.items() if k != "sleutel"}
        upsert(
            verslag,
            Informatieniveau,
            {"sleutel": niveau["sleutel"]},
            {**waarden, "volgorde": volgorde, "bron": "000 §5.3"},
        )


def _laad_indicatoren(verslag: Verslag) -> None:
    data = lees_fixture("programma/indicatoren.yaml")
    for doel in data["doelen"]:
        ouder = Doel.objects.get(code=doel["ouder"]) if doel.get("ouder") else None
        upsert(
            verslag,
            Doel,
            {"code": doel["code"]},
            {"omschrijving": doel["omschrijving"], "ouder": ouder, "bron": BRON_PLAN_62},
        )
    for volgorde, ind in enumerate(data["indicatoren"], start=1):
        indicator = upsert(
            verslag,
            Indicator,
            {"code": ind["code"]},
            {
                "naam": ind["naam"],
                "doel": Doel.objects.get(code=ind["doel"]),
                "volgorde": volgorde,
                "eenheid": ind["eenheid"],
                "richting": ind["richting"],
                "soort": IndicatorSoort.EFFECT_KWALITATIEF,  # §5.2: programma 6 indicators are the qualitative effects
                "vindplaats": ind["vindplaats"],
            },
        )
        bron = f"{BRON_PLAN_62}, tabel {ind['doel']}"
        for jaar, getal in parse_meervoudig(ind.get("peilwaarde")):
            _meting(verslag, indicator, jaar, MetingSoort.PEILWAARDE, getal.waarde, bron)
        for jaar, cel in (ind.get("streefwaarden") or {}).items():
            getal = parse_getal(cel)
            if getal is not None:
                _meting(verslag, indicator, jaar, MetingSoort.STREEFWAARDE, getal.waarde, bron)
        realisatie_bron = ind.get("realisatie_bron", f"{bron}, Jaarstukken 2021")
        for jaar, cel in (ind.get("realisatie") or {}).items():
            getal = parse_getal(cel)
            if getal is not None:
                _meting(verslag, indicator, jaar, MetingSoort.REALISATIE, getal.waarde, realisatie_bron)


def _meting(verslag: Verslag, indicator, jaar: int, soort: str, waarde, bron: str) -> None:
    bestaand = Meting.objects.filter(
        indicator=indicator, periode=str(jaar), soort=soort, wijk__isnull=True
    ).first()
    if bestaand is not None and bestaand.bron != bron:
        return  # replaced by an import or by hand since: the data team's value wins
    upsert(
        verslag,
        Meting,
        {"indicator": indicator, "periode": str(jaar), "soort": soort, "wijk": None},
        {"waarde": waarde, "bron": bron},
        bij_aanmaken={"status": MetingStatus.DEFINITIEF},
    )


_OPZOEKEN = {
    "actielijn": lambda sleutel: Actielijn.objects.get(nummer=sleutel),
    "activiteit": lambda sleutel: Activiteit.objects.get(sleutel=sleutel),
    "risico": lambda sleutel: Risico.objects.get(code=sleutel),
    "nieuw_risico": lambda sleutel: Risico.objects.get(sleutel=sleutel),
    "indicator": lambda sleutel: Indicator.objects.get(code=sleutel),
    "doel": lambda sleutel: Doel.objects.get(code=sleutel),
}


def _laad_demo_gebruikers(verslag: Verslag) -> None:
    data = lees_fixture("demo/gebruikers.yaml")
    User = get_user_model()
    gebruikers = {}
    for account in data["gebruikers"]:
        user = User.objects.filter(username=account["gebruikersnaam"]).first()
        if user is None:
            user = User(
                username=account["gebruikersnaam"],
                first_name=account["voornaam"],
                last_name=account["achternaam"],
                email=account["email"],
                functie=account.get("functie", ""),
                is_staff=account.get("beheer", False),
                is_superuser=account.get("beheer", False),
            )
            user.set_password(data["wachtwoord"])
            user.save()
            verslag.tel(User, "aangemaakt")
        for rol in account["rollen"]:
            user.groups.add(Group.objects.get(name=rol))
        gebruikers[user.username] = user
    # Demo roles on activities, only where nobody has been assigned yet.
    for toewijzing in data["toewijzingen"]:
        for activiteit in Activiteit.objects.filter(actielijn__nummer__in=toewijzing["actielijnen"]):
            gewijzigd = False
            for rol in ("trekker", "opdrachtgever", "opdrachtnemer", "opgavecoordinator"):
                if toewijzing.get(rol) and getattr(activiteit, f"{rol}_id") is None:
                    setattr(activiteit, rol, gebruikers[toewijzing[rol]])
                    gewijzigd = True
            if gewijzigd:
                activiteit.save()
                verslag.tel(Activiteit, "bijgewerkt")
