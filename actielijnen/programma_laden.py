"""
Loads actielijnen's part of the programme from `fixtures/`: Nieuw Hengelo's Model (lagen, kenmerken), the
actielijnen with their activiteiten and thema's, the risico's with their change log, and (on request) the demo
accounts from `fixtures/demo/gebruikers.yaml`.

The whole programme is loaded by `rapportage.programma_laden.laad_programma` (`manage.py load_programma`), which
calls every app's loader bottom-up and then loads the data-quality notes of `DATAKWALITEIT` with the lookups of
`OPZOEKEN`. Idempotent (bronnen/laden.py): a second run changes nothing and writes no history. Fields users own
(status, RAG, people, progress) are set only when a record is first created; records users added are never touched.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

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
from bronnen.laden import Verslag, lees_fixture, upsert

# The fixture files whose data-quality notes concern actielijnen's objects, and how to find those objects.
DATAKWALITEIT = ("programma/actielijnen.yaml", "programma/risicos.yaml")
OPZOEKEN = {
    "actielijn": lambda sleutel: Actielijn.objects.get(nummer=sleutel),
    "activiteit": lambda sleutel: Activiteit.objects.get(sleutel=sleutel),
    "risico": lambda sleutel: Risico.objects.get(code=sleutel),
    "nieuw_risico": lambda sleutel: Risico.objects.get(sleutel=sleutel),
}


def laad_actielijnen(verslag: Verslag) -> None:
    """Load Nieuw Hengelo's Model, the actielijnen and activiteiten, and the risico's."""
    _laad_nieuw_hengelos_model(verslag)
    _laad_actielijnen(verslag)
    _laad_risicos(verslag)


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
                    "bron": f"Uitvoeringsplan 2023, §2.1, actielijn {lijn['nummer']}"
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
    RisicoWijziging.objects.create(
        **sleutel,
        toelichting=wijziging["toelichting"].strip(),
        datum_aangenomen=wijziging.get("datum_aangenomen", False),
    )
    verslag.tel(RisicoWijziging, "aangemaakt")
    # Only when the change is first recorded: a later decision by the organisation is not overwritten.
    if wijziging.get("status") == RisicoStatus.VERVALLEN and risico.status != RisicoStatus.VERVALLEN:
        risico.status = RisicoStatus.VERVALLEN
        risico.save(update_fields=["status"])


def laad_demo_gebruikers(verslag: Verslag) -> None:
    """One account per role (groups from accounts) and demo roles on activities nobody was assigned to."""
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
                # Beheer opens the admin (staff) but is never a superuser: the beheerder role's permissions
                # (each app's rollen.py) are exactly what daily beheer needs (least privilege).
                is_staff=account.get("beheer", False),
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
