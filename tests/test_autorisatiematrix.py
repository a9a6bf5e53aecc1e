"""The authorization matrix: every URL pattern × every role × GET and POST, against an explicit table.

The test walks the URL resolver (the admin and its per-model, history and import-export URLs included), builds
a concrete URL for each pattern with real objects, and asks it as each role of the programme. The expected
outcome of each cell is written out in tests/autorisatiematrix_verwachting.py; a pattern without a row fails
the suite with its name, so a new URL is never reachable by accident. Every request runs in a transaction
that is rolled back, so a POST does not change what the next row sees; no request may end in a 500.

Outcomes: "ok" (2xx, or a redirect that is not to a login page), "login" (302 to the login page or the
admin's login page), "403", "404", "405".
"""

import re
import time
from datetime import date
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urljoin, urlsplit

from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

import pytest

from accounts.models import User
from accounts.services import rol_permissies, rollen_wijzigen
from actielijnen.constants import OpdrachtbeschrijvingStatus
from actielijnen.models import (
    Activiteit,
    Herinnering,
    Jaarsamenvatting,
    Mijlpaal,
    Opdrachtbeschrijving,
    Planningswijziging,
    Risico,
)
from actielijnen.services import voortgangsrapportage_create
from kern.gelijktijdigheid import VELDNAAM
from kern.models import Achtergrondtaak, Taaksoort
from monitoring.models import Import, Indicator, Wijk
from rapportage import export_csv, services
from rapportage.models import Motie
from rapportage.programma_laden import laad_programma
from tests.autorisatiematrix_verwachting import (
    ADMIN_ALGEMEEN,
    ADMIN_BEHEERDER,
    ADMIN_UITKOMST,
    APP,
    NIET_STAF,
    ROLLEN,
)
from tests.participatie.matrixobjecten import participatie_objecten

# Role in the matrix → demo account (tests/conftest.py `programma`). "trekker2" is the trekker of other
# activities, asking for the activity of "trekker".
ACCOUNTS = {rol: (None if rol == "anoniem" else rol) for rol in ROLLEN}
METHODEN = ("GET", "POST")


# --- The resolver ---------------------------------------------------------------------------------------------


def patronen() -> list[tuple[str, str]]:
    """(key, route) of every URL pattern: the key is the namespaced name, or the route for an unnamed one."""
    gevonden = []

    def loop(resolver, prefix: str, namespace: str) -> None:
        for patroon in resolver.url_patterns:
            route = prefix + str(patroon.pattern)
            if isinstance(patroon, URLResolver):
                ns = f"{namespace}{patroon.namespace}:" if patroon.namespace else namespace
                loop(patroon, route, ns)
            elif isinstance(patroon, URLPattern):
                gevonden.append((f"{namespace}{patroon.name}" if patroon.name else route, route))

    loop(get_resolver(), "", "")
    return gevonden


def _admin_modellen() -> dict[str, str]:
    """'app_model' (as in the admin's URL names) → 'app.model' (as in the expectation tables)."""
    return {
        f"{m._meta.app_label}_{m._meta.model_name}": f"{m._meta.app_label}.{m._meta.model_name}"
        for m in admin.site._registry
    }


ADMIN_NAAM = re.compile(
    r"^admin:(?P<model>[a-z]+_[a-z]+?)_(?P<actie>changelist|add|change|delete|history|simple_history|import|process_import|export)$"
)
ADMIN_OUD_ADRES = re.compile(r"^admin/(?P<app>[a-z]+)/(?P<model>[a-z]+)/<path:object_id>/$")


def admin_rij(sleutel: str) -> tuple[str, str] | None:
    """(model, action) for a per-model admin pattern, else None."""
    modellen = _admin_modellen()
    if (m := ADMIN_NAAM.match(sleutel)) and m["model"] in modellen:
        return modellen[m["model"]], m["actie"]
    if m := ADMIN_OUD_ADRES.match(sleutel):
        return f"{m['app']}.{m['model']}", "oud_adres"
    if sleutel == "admin:auth_user_password_change":
        return "accounts.user", "password"
    return None


def verwachting(sleutel: str) -> dict[str, dict[str, str]] | None:
    """{method: {role: outcome}} for a pattern, from the tables; None when the pattern has no row."""
    if sleutel in APP:
        return {
            methode: dict(zip(ROLLEN, APP[sleutel][methode].split(), strict=True)) for methode in METHODEN
        }
    if sleutel in ADMIN_ALGEMEEN:
        beheerder = ADMIN_ALGEMEEN[sleutel]
    elif (rij := admin_rij(sleutel)) is not None:
        model, actie = rij
        if model not in ADMIN_BEHEERDER:
            return None
        beheerder = ADMIN_UITKOMST[actie][ADMIN_BEHEERDER[model]]
    else:
        return None
    # The admin is for staff only, and only the beheerder is staff.
    return {
        methode: {rol: (beheerder[methode] if rol == "beheerder" else NIET_STAF[rol]) for rol in ROLLEN}
        for methode in METHODEN
    }


# --- The objects every URL is built from -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def objecten(django_db_setup, django_db_blocker):
    """The demo programme with one of everything a URL can point at; rolled back after the module."""
    with pytest.MonkeyPatch.context() as mp, django_db_blocker.unblock(), transaction.atomic():
        # Access, not the PDF, is tested here: a tiny stand-in keeps publishing and downloads fast.
        mp.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: b"%%PDF-1.7 %d" % rapportage.pk)
        laad_programma(demo=True)
        gebruikers = {u.username: u for u in User.objects.all()}
        # An activity of "trekker" whose opdrachtbeschrijving is still open, so its forms can be asked for.
        activiteit = (
            Opdrachtbeschrijving.objects.filter(activiteit__trekker=gebruikers["trekker"])
            .exclude(status=OpdrachtbeschrijvingStatus.VASTGESTELD)
            .select_related("activiteit")
            .order_by("activiteit__code")
            .first()
            .activiteit
        )
        assert activiteit.opdrachtgever == gebruikers["opdrachtgever"]
        mijlpaal = Mijlpaal.objects.filter(activiteit=activiteit).first() or Mijlpaal.objects.create(
            activiteit=activiteit, omschrijving="Mijlpaal voor de matrix", datum_gepland=date(2025, 6, 1)
        )
        risico = Risico.objects.filter(activiteit=activiteit).first() or Risico.objects.create(
            activiteit=activiteit, omschrijving="Risico voor de matrix", kans=2, impact=2
        )
        planningswijziging = Planningswijziging.objects.create(
            activiteit=activiteit,
            aangevraagd_door=gebruikers["trekker"],
            reden="Matrix",
            nieuw_einde="2026-Q4",
        )
        Jaarsamenvatting.objects.create(
            activiteit=activiteit, jaar=2024, samenvatting="Matrix", auteur=gebruikers["trekker"]
        )
        Herinnering.objects.create(
            activiteit=activiteit,
            ontvanger=gebruikers["trekker"],
            soort="verlopen",
            vervaldatum=date(2025, 1, 1),
        )
        besluit_update = voortgangsrapportage_create(
            activiteit=activiteit,
            auteur=gebruikers["trekker"],
            periode="2025-05",
            rag="groen",
            percentage_gereed=40,
            fase="uitvoering",
            toelichting="Op koers.",
            besluit_nodig=True,
            besluit_omschrijving="Besluit voor de matrix",
        )
        edities = _edities(gebruikers)
        motie = Motie.objects.create(
            titel="Matrixmotie",
            datum=date(2024, 11, 5),
            tekst="Verzoekt het college …",
            geregistreerd_door=gebruikers["griffie"],
        )
        import_record = Import.objects.create(
            gebruiker=gebruikers["beheerder"], bestandsnaam="matrix.csv", sha256="0" * 64, indeling="lang"
        )
        taak = Achtergrondtaak.objects.create(
            soort=Taaksoort.EXPORT_XLSX, omschrijving="Matrix", gebruiker=gebruikers["beheerder"]
        )
        _axes_poging()
        rollen_wijzigen(
            gebruiker=gebruikers["raad"], rollen={"raad", "griffie"}, door=gebruikers["beheerder"]
        )
        Wijk.objects.create(naam="Matrixwijk", cbs_code="WK016499")
        participatie = participatie_objecten(gebruikers, activiteit)
        leeg = [m._meta.label for m in admin.site._registry if not m._default_manager.exists()]
        assert not leeg, f"De matrix heeft van elk model in de admin een object nodig: {leeg}"
        yield {
            "gebruikers": gebruikers,
            "activiteit": activiteit,
            "mijlpaal": mijlpaal,
            "risico": risico,
            "programmarisico": Risico.objects.basisrisicos().order_by("code").first(),
            "planningswijziging": planningswijziging,
            "besluit_update": besluit_update,
            "edities": edities,
            "motie": motie,
            "import": import_record,
            "taak": taak,
            "indicator": Indicator.objects.order_by("code").first(),
            **participatie,
        }
        transaction.set_rollback(True)


def _edities(gebruikers) -> dict:
    maak = dict(
        door=gebruikers["manager"], pc_moment="viermaandsrapportage", zaaknummer="3612345", toelichtingen={}
    )
    gepubliceerd = services.rapportage_aanmaken(
        **maak, jaar=2024, titel="Viermaandsrapportage 2024", peildatum=date(2024, 4, 30)
    )
    gepubliceerd = services.vaststellen(rapportage=gepubliceerd, door=gebruikers["college"])
    gepubliceerd = services.publiceren(rapportage=gepubliceerd, door=gebruikers["college"])
    vastgesteld = services.rapportage_aanmaken(
        **maak, jaar=2024, titel="Tweede viermaandsrapportage 2024", peildatum=date(2024, 8, 31)
    )
    vastgesteld = services.vaststellen(rapportage=vastgesteld, door=gebruikers["college"])
    concept = services.rapportage_aanmaken(
        **maak, jaar=2025, titel="Concept 2025", peildatum=date(2025, 4, 30)
    )
    return {"gepubliceerd": gepubliceerd, "vastgesteld": vastgesteld, "concept": concept}


def _axes_poging() -> None:
    """One failed-login record, so the axes admin has an object to open."""
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(
        username="iemand",
        ip_address="127.0.0.1",
        user_agent="matrix",
        get_data="",
        post_data="",
        failures_since_start=1,
    )


# --- Concrete URLs ----------------------------------------------------------------------------------------------

# Which edition (and action) each edition URL is asked for: the cells differ by status.
EDITIE_VARIANTEN = {
    "rapportage:editie": [("gepubliceerd",), ("concept",)],
    "rapportage:editie_bewerken": [("gepubliceerd",), ("concept",)],
    "rapportage:editie_download": [("gepubliceerd", "pdf"), ("gepubliceerd", "xlsx"), ("concept", "pdf")],
    "rapportage:editie_csv": [("gepubliceerd",), ("concept",)],
    "rapportage:editie_actie": [
        ("concept", "vaststellen"),
        ("vastgesteld", "publiceren"),
        ("vastgesteld", "terug-naar-concept"),
        ("gepubliceerd", "corrigeren"),
        ("concept", "verwijderen"),
    ],
}


def urls(sleutel: str, route: str, o: dict) -> dict[str, str]:
    """{variant: url} for one pattern; the variant names the objects when there is more than one."""
    act = o["activiteit"].sleutel
    if sleutel in EDITIE_VARIANTEN:
        uit = {}
        for variant in EDITIE_VARIANTEN[sleutel]:
            pk = o["edities"][variant[0]].pk
            extra = {
                "rapportage:editie_download": lambda v: {"soort": v[1]},
                "rapportage:editie_csv": lambda v: {"tabel": next(iter(export_csv.TABELLEN))},
                "rapportage:editie_actie": lambda v: {"actie": v[1]},
            }.get(sleutel, lambda v: {})(variant)
            uit[sleutel + "[" + "/".join(variant) + "]"] = reverse(sleutel, kwargs={"pk": pk, **extra})
        return uit
    kwargs = {
        "actielijnen:planningswijziging_akkoord": {"pk": o["planningswijziging"].pk},
        "actielijnen:besluit_nemen": {"pk": o["besluit_update"].pk},
        "actielijnen:mijlpaal_update": {"sleutel": act, "pk": o["mijlpaal"].pk},
        "actielijnen:risico_update": {"sleutel": act, "pk": o["risico"].pk},
        "actielijnen:risico_detail": {"pk": o["risico"].pk},
        "actielijnen:risico_beoordelen": {"pk": o["programmarisico"].pk},
        "monitoring:indicator_detail": {"code": o["indicator"].code},
        "monitoring:indicator_geschiedenis": {"code": o["indicator"].code},
        "monitoring:indicator_koppelingen": {"code": o["indicator"].code},
        "monitoring:fitgap_bewerken": {"code": o["indicator"].code},
        "rapportage:open_data_reeks": {"code": o["indicator"].code, "formaat": "json"},
        "api:editie": {"id": o["edities"]["gepubliceerd"].pk},
        "api:sectie": {"id": o["edities"]["gepubliceerd"].pk, "sectie": "voortgang"},
        "api:reeks": {"code": o["indicator"].code},
        "api:motie": {"sleutel": "motie-M2024-01"},
        "api:niet_gevonden": {"rest": "v1/bestaat-niet"},
        "monitoring:import_ongedaan_maken": {"pk": o["import"].pk},
        "rapportage:motie": {"pk": o["motie"].pk},
        "kern:taak": {"pk": o["taak"].pk},
        "kern:taak_stand": {"pk": o["taak"].pk},
        "kern:taak_bestand": {"pk": o["taak"].pk},
        "rapportage:motie_geschiedenis": {"pk": o["motie"].pk},
        "participatie:advies_besluiten": {"pk": o["participatieadvies"].pk},
        "participatie:plan_besluiten": {"pk": o["participatieplan"].pk},
        "participatie:stakeholder": {"pk": o["stakeholder"].pk},
        "participatie:stakeholder_bewerken": {"pk": o["stakeholder"].pk},
        "participatie:traject": {"pk": o["participatietraject"].pk},
        "participatie:traject_bewerken": {"pk": o["participatietraject"].pk},
        "participatie:bijeenkomst_toevoegen": {"pk": o["participatietraject"].pk},
        "participatie:inbreng_toevoegen": {"pk": o["participatietraject"].pk},
        "participatie:inbreng_verwerken": {"pk": o["inbreng"].pk},
        "participatie:inkooptraject": {"sleutel": o["inkooptraject"].sleutel},
        "participatie:inkooptraject_bewerken": {"sleutel": o["inkooptraject"].sleutel},
        "participatie:inkoopstap_toevoegen": {"sleutel": o["inkooptraject"].sleutel},
        "participatie:inkoopstap_bewerken": {"sleutel": o["inkooptraject"].sleutel, "pk": o["inkoopstap"].pk},
        "participatie:communicatieactie_bewerken": {"pk": o["communicatieactie"].pk},
    }.get(sleutel)
    if kwargs is None and "<slug:sleutel>" in route and ":" in sleutel and not sleutel.startswith("admin:"):
        kwargs = {"sleutel": act}
    if kwargs is not None:
        return {sleutel: reverse(sleutel, kwargs=kwargs)}
    return (
        {sleutel: _admin_url(sleutel, route, o)}
        if route.startswith("admin/")
        else {sleutel: reverse(sleutel)}
    )


def _admin_url(sleutel: str, route: str, o: dict) -> str:
    if sleutel == "admin:app_list":
        return reverse(sleutel, kwargs={"app_label": "actielijnen"})
    if sleutel == "admin:view_on_site":
        ct = ContentType.objects.get_for_model(Activiteit)
        return reverse(sleutel, kwargs={"content_type_id": ct.pk, "object_id": o["activiteit"].pk})
    if sleutel == "admin/(?P<url>.*)$":
        return "/admin/bestaat-niet/"
    if sleutel == "admin:auth_user_password_change":
        return reverse(sleutel, kwargs={"id": o["gebruikers"]["trekker"].pk})
    rij = admin_rij(sleutel)
    if rij is None:  # the admin's own pages (index, login, password, autocomplete …)
        return reverse(sleutel)
    model, actie = rij
    klasse = next(m for m in admin.site._registry if f"{m._meta.app_label}.{m._meta.model_name}" == model)
    obj = klasse._default_manager.order_by("pk").first()
    assert obj is not None, f"De matrix heeft een {model} nodig om de adminpagina's te openen."
    if actie == "oud_adres":
        return f"/admin/{model.replace('.', '/')}/{obj.pk}/"
    if actie in ("change", "delete", "history"):
        return reverse(sleutel, args=[obj.pk])
    if actie == "simple_history":
        versie = obj.history.order_by("history_id").last()
        return reverse(sleutel, args=[obj.pk, versie.history_id])
    return reverse(sleutel)


# --- Asking ---------------------------------------------------------------------------------------------------


class _Terugdraaien(Exception):
    """Raised after every request, so its transaction is rolled back."""


LOGIN_ADRESSEN = ("/inloggen/", "/admin/login/")


def uitkomst(antwoord) -> str:
    if antwoord.status_code in (301, 302, 303, 307, 308):
        return "login" if antwoord["Location"].startswith(LOGIN_ADRESSEN) else "ok"
    if 200 <= antwoord.status_code < 300:
        return "ok"
    return str(antwoord.status_code)


def vraag(client: Client, koekjes: SimpleCookie, methode: str, url: str) -> str:
    """One request in a transaction that is rolled back; the session cookie is restored first (logout and a
    password change replace it)."""
    client.cookies = SimpleCookie(koekjes.output(header="", sep=";")) if koekjes else SimpleCookie()
    resultaat = "?"
    try:
        with transaction.atomic():
            antwoord = client.get(url) if methode == "GET" else client.post(url, {})
            resultaat = uitkomst(antwoord)
            raise _Terugdraaien
    except _Terugdraaien:
        pass
    except Exception as fout:  # a 500: report it with its cause rather than stopping at the first one
        resultaat = f"500 ({type(fout).__name__}: {fout})"
    return resultaat


def cellen(rol: str, objecten: dict):
    """Yield (key, url, method, expected, actual) for every pattern as one role."""
    client = Client()
    if ACCOUNTS[rol]:
        client.force_login(objecten["gebruikers"][ACCOUNTS[rol]])
    koekjes = SimpleCookie(client.cookies.output(header="", sep=";"))
    for sleutel, route in patronen():
        for variant, url in urls(sleutel, route, objecten).items():
            rij = verwachting(variant)
            for methode in METHODEN:
                verwacht = None if rij is None else rij[methode][rol]
                yield variant, url, methode, verwacht, vraag(client, koekjes, methode, url)


# --- The tests --------------------------------------------------------------------------------------------------


def _varianten(sleutel: str) -> list[str]:
    """The row keys of a pattern: one, or one per edition (and action) for the edition URLs."""
    if sleutel in EDITIE_VARIANTEN:
        return [f"{sleutel}[{'/'.join(v)}]" for v in EDITIE_VARIANTEN[sleutel]]
    return [sleutel]


def test_every_url_pattern_has_a_row():
    ontbreekt = [v for sleutel, _ in patronen() for v in _varianten(sleutel) if verwachting(v) is None]
    assert not ontbreekt, (
        "Deze URL-patronen hebben geen rij in tests/autorisatiematrix_verwachting.py; "
        f"voeg er een toe met de uitkomst die least privilege vraagt: {ontbreekt}"
    )


def test_every_row_has_a_url_pattern():
    bestaand = {sleutel for sleutel, _ in patronen()}
    modellen = {f"{m._meta.app_label}.{m._meta.model_name}" for m in admin.site._registry}
    assert not {rij.split("[")[0] for rij in APP} - bestaand, "Rijen zonder URL-patroon (verwijder ze)"
    assert not set(ADMIN_ALGEMEEN) - bestaand
    assert not set(ADMIN_BEHEERDER) - modellen, "Admin-rijen voor modellen die niet in de admin staan"


@pytest.mark.django_db
def test_every_role_permission_exists():
    """A typo in a rollen.py would silently give nobody the permission."""
    alle = {
        f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.select_related("content_type")
    }
    for rol, codes in rol_permissies().items():
        assert not codes - alle, rol


@pytest.mark.django_db
def test_the_beheerder_is_staff_but_no_superuser(objecten):
    beheerder = objecten["gebruikers"]["beheerder"]
    assert beheerder.is_staff and not beheerder.is_superuser
    assert list(beheerder.groups.values_list("name", flat=True)) == ["beheerder"]
    assert not User.objects.filter(is_superuser=True).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ROLLEN)
def test_the_matrix(rol, objecten):
    begin = time.monotonic()
    afwijkingen = []
    aantal = 0
    for variant, url, methode, verwacht, werkelijk in cellen(rol, objecten):
        aantal += 1
        if verwacht is None:
            afwijkingen.append(f"{variant} ({url}) {methode}: geen rij in de matrix, werkelijk {werkelijk}")
        elif werkelijk != verwacht:
            afwijkingen.append(f"{variant} ({url}) {methode}: verwacht {verwacht}, werkelijk {werkelijk}")
    print(f"\n{rol}: {aantal} verzoeken in {time.monotonic() - begin:.1f} s")
    assert not afwijkingen, f"{rol}:\n" + "\n".join(afwijkingen)


@pytest.mark.django_db
def test_a_trekker_cannot_post_to_another_trekkers_activity_form(objecten):
    """The deliberate case: trekker2 posts a full, valid update to trekker's activity → 403, nothing changes."""
    activiteit = objecten["activiteit"]
    client = Client()
    client.force_login(objecten["gebruikers"]["trekker2"])
    voor = (activiteit.voortgangsrapportages.count(), Activiteit.objects.get(pk=activiteit.pk).rag)
    antwoord = client.post(
        reverse("actielijnen:voortgang_create", kwargs={"sleutel": activiteit.sleutel}),
        {
            "periode": "2025-05",
            "rag": "rood",
            "percentage_gereed": 10,
            "fase": activiteit.fase,
            "toelichting": "Niet mijn activiteit.",
        },
    )
    assert antwoord.status_code == 403
    assert "U heeft geen toegang tot deze pagina." in antwoord.content.decode()
    assert (activiteit.voortgangsrapportages.count(), Activiteit.objects.get(pk=activiteit.pk).rag) == voor
    risico = objecten["risico"]
    antwoord = client.post(
        reverse("actielijnen:risico_update", kwargs={"sleutel": activiteit.sleutel, "pk": risico.pk}),
        {"omschrijving": "Overschreven", "kans": 5, "impact": 5, "toelichting": "x"},
    )
    assert antwoord.status_code == 403
    risico.refresh_from_db()
    assert risico.omschrijving != "Overschreven"


# --- Every edit form carries the lost-update guard (issue 30) -----------------------------------------------------

# Where each POST form the pages show sends its data, by what that form does. A form that changes a record that
# exists carries the hidden token of kern/gelijktijdigheid.py (a stale save is refused with what the other
# changed); a form that adds a record, or an action whose service checks the state on the locked row itself (a
# decision on a pending request, a status step, an upload), needs none. A form whose target is in neither set
# fails the test below: decide which it is, and give an edit form the token.
BEWERKT_BESTAAND = {
    "actielijnen:jaarsamenvatting",
    "actielijnen:mijlpaal_update",
    "actielijnen:opdrachtbeschrijving_update",
    "actielijnen:planning_vastleggen",
    "actielijnen:risico_beoordelen",
    "actielijnen:risico_update",
    "monitoring:fitgap_bewerken",
    "monitoring:indicator_koppelingen",
    "participatie:communicatieactie_bewerken",
    "participatie:drempel",
    "participatie:inbreng_verwerken",
    "participatie:inkoopstap_bewerken",
    "participatie:inkooptraject_bewerken",
    "participatie:stakeholder_bewerken",
    "participatie:traject_bewerken",
    "participatie:wijken_koppelen",
    "rapportage:editie_bewerken",
    "rapportage:motie",
}
NIEUW_OF_ACTIE = {
    "login",
    "logout",
    "password_change",  # one's own password: there is no other person's change to lose
    "actielijnen:besluit_nemen",  # a decision on a pending request: refused once decided (services)
    "actielijnen:planningswijziging_akkoord",
    "actielijnen:mijlpaal_create",
    "actielijnen:planningswijziging_create",
    "actielijnen:risico_create",
    "actielijnen:voortgang_create",
    "monitoring:export",
    "monitoring:import",
    "monitoring:import_ongedaan_maken",
    "participatie:advies_indienen",
    "participatie:advies_besluiten",
    "participatie:plan_indienen",
    "participatie:plan_besluiten",
    "participatie:bijeenkomst_toevoegen",
    "participatie:communicatieactie_toevoegen",
    "participatie:evaluatie_toevoegen",
    "participatie:evaluatie_geheel_toevoegen",
    "participatie:inbreng_toevoegen",
    "participatie:inkoopstap_toevoegen",
    "participatie:inkooptraject_toevoegen",
    "participatie:stakeholder_toevoegen",
    "participatie:traject_toevoegen",
    "rapportage:editie_nieuw",
    "rapportage:editie_actie",  # a status step (vaststellen, publiceren …) checked on the locked row
    "rapportage:editie_download",
    "rapportage:motie_nieuw",
}


class _PostFormulieren(HTMLParser):
    """(action, names of the fields) of every <form method="post"> in a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.formulieren: list[tuple[str, set[str]]] = []
        self._huidig: tuple[str, set[str]] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self._huidig = (a.get("action") or "", set())
            self.formulieren.append(self._huidig)
        elif tag in ("input", "select", "textarea") and self._huidig is not None and a.get("name"):
            self._huidig[1].add(a["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._huidig = None


def _doel(pagina_url: str, actie: str) -> str:
    """The URL name a form posts to (its action resolved against the page's own path)."""
    pad = urlsplit(urljoin(pagina_url, actie or pagina_url)).path
    match = resolve(pad)
    return match.view_name if match.url_name else match.route


@pytest.mark.django_db
def test_every_form_that_edits_a_record_carries_the_lost_update_guard(objecten):
    """Crawl every page as every role that may open it, read its POST forms as a browser does, and check each
    against BEWERKT_BESTAAND / NIEUW_OF_ACTIE: an edit form without the token, or an unclassified form, fails."""
    gevonden: dict[str, set[bool]] = {}
    for rol in (
        "trekker",
        "opdrachtgever",
        "opgavecoordinator",
        "manager",
        "college",
        "griffie",
        "beheerder",
    ):
        client = Client()
        client.force_login(objecten["gebruikers"][ACCOUNTS[rol]])
        for sleutel, route in patronen():
            for variant, url in urls(sleutel, route, objecten).items():
                rij = verwachting(variant)
                if rij is None or rij["GET"][rol] != "ok" or "download" in variant or "csv" in variant:
                    continue
                antwoord = client.get(url)
                if antwoord.status_code != 200 or "html" not in antwoord.get("Content-Type", ""):
                    continue
                lezer = _PostFormulieren()
                lezer.feed(antwoord.content.decode())
                for actie, velden in lezer.formulieren:
                    gevonden.setdefault(_doel(url, actie), set()).add(VELDNAAM in velden)
    # The admin by its own rule: a change form of a model the beheerder may change (ADMIN_BEHEERDER) edits a
    # record; add, list actions, delete, import, history (revert is refused) and passwords do not.
    beheer = {d for d in gevonden if d.startswith("admin:")}
    beheer_bewerkt = {
        d
        for d in beheer
        if (rij := admin_rij(d))
        and rij[1] == "change"
        and ADMIN_BEHEERDER.get(rij[0]) in ("wijzigen", "toevoegen")
    }
    bewerkt = BEWERKT_BESTAAND | beheer_bewerkt
    onbekend = sorted(set(gevonden) - beheer - BEWERKT_BESTAAND - NIEUW_OF_ACTIE)
    zonder = sorted(d for d in bewerkt & set(gevonden) if False in gevonden[d])
    assert len(beheer_bewerkt) >= 20, "the crawl reached the admin's change forms"
    assert not onbekend, f"POST-formulieren zonder indeling (bewerkt of nieuw/actie): {onbekend}"
    assert not zonder, (
        f"Formulieren die een bestaand record wijzigen zonder de controle op gelijktijdigheid: {zonder}"
    )
    assert not BEWERKT_BESTAAND - set(gevonden), (
        "Bewerkformulieren die de crawl niet vond (verouderde indeling?)"
    )
