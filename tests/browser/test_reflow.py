"""Every role's pages on a phone (issue 15): no sideways scrolling at 390 px and 1.280 px, axe clean.

Per role, in one browser context with one login: the pages are collected from the role's own main menu (so a
page another part of the app adds to the menu is covered as soon as it is linked), plus a fixed list of detail
pages (an activity, an indicator, a published edition, an import's undo confirmation) for the roles that may
open them. The public page and the dashboard are also measured at WCAG's 320 px. WCAG 2.1 AA, 1.4.10 (reflow).
"""

from urllib.parse import urlsplit

from django.urls import reverse

import pytest

from accounts.models import User
from actielijnen.models import Activiteit
from monitoring.models import Import, Indicator
from tests.browser.edities import gepubliceerde_editie
from tests.browser.reflow import (
    DESKTOP,
    TELEFOON,
    WCAG_MINIMUM,
    breedte_zetten,
    pagina_klaar,
    zijwaartse_overloop,
)
from tests.browser.sessie import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLLEN = ("anoniem", "trekker", "opdrachtgever", "manager", "college", "raad", "griffie", "beheerder")
# Pages also measured at 320 px: the ones the issue measured widest (public page 909 px, dashboard 1.184 px).
OOK_320 = {reverse("rapportage:inwoners"), reverse("actielijnen:management")}


def _detailpaginas(gebruiker, editie, import_record) -> list[str]:
    """The detail pages this role may open, besides its menu: one of each kind."""
    if gebruiker is None:
        return [reverse("login")]
    urls = []
    if gebruiker.has_perm("actielijnen.view_uitvoering"):
        activiteit = Activiteit.objects.filter(trekker__username="trekker").order_by("volgorde").first()
        urls.append(activiteit.get_absolute_url())
    if gebruiker.has_perm("monitoring.view_indicator"):
        urls.append(Indicator.objects.order_by("code").first().get_absolute_url())
    if gebruiker.has_perm("rapportage.view_rapportage"):
        urls.append(editie.get_absolute_url())
    if gebruiker.has_perm("monitoring.import_metingen"):
        urls.append(reverse("monitoring:import_ongedaan_maken", args=[import_record.pk]))
    return urls


def _menulinks(page) -> list[str]:
    """The paths of the links in the main menu (the admin is Django's own and out of scope)."""
    hrefs = page.eval_on_selector_all('nav[aria-label="Hoofdmenu"] a[href]', "els => els.map(e => e.href)")
    paden = []
    for href in hrefs:
        pad = urlsplit(href).path
        if not pad.startswith("/admin/") and pad not in paden:
            paden.append(pad)
    return paden


@pytest.mark.parametrize("rol", ROLLEN)
def test_no_page_of_the_role_scrolls_sideways_and_axe_finds_nothing_serious(page, axe, programma, rol):
    # Planned quarters, so that the management timeline (a plotly chart) is on the page too.
    Activiteit.objects.filter(actielijn__nummer=1).update(geplande_start="2023-Q2", gepland_einde="2025-Q2")
    editie = gepubliceerde_editie()
    beheerder = User.objects.get(username="beheerder")
    import_record = Import.objects.create(
        gebruiker=beheerder,
        bestandsnaam="indicatoren-2024-met-een-lange-bestandsnaam.xlsx",
        sha256="a" * 64,
        indeling="lang",
        aantal_nieuw=12,
        aantal_gewijzigd=3,
    )
    gebruiker = None if rol == "anoniem" else User.objects.get(username=rol)

    breedte_zetten(page, DESKTOP)
    if gebruiker is None:
        page.goto(reverse("rapportage:inwoners"))
    else:
        inloggen(page, rol)
    paden = _menulinks(page)
    assert paden, f"{rol}: het hoofdmenu heeft geen links"
    paden += [p for p in _detailpaginas(gebruiker, editie, import_record) if p not in paden]

    fouten = []
    for pad in paden:
        breedtes = (TELEFOON, DESKTOP, WCAG_MINIMUM) if pad in OOK_320 else (TELEFOON, DESKTOP)
        for breedte in breedtes:
            breedte_zetten(page, breedte)
            antwoord = page.goto(pad)
            pagina_klaar(page)
            if antwoord.status != 200:
                fouten.append(f"{pad} geeft {antwoord.status}")
                break
            meting = zijwaartse_overloop(page)
            if meting["overloop"]:
                fouten.append(
                    f"{pad} bij {breedte} px: {meting['overloop']} px opzij, {meting['boosdoeners']}"
                )
            if breedte == TELEFOON:
                ernstig = [v for v in axe(page) if v[1] in ("serious", "critical")]
                if ernstig:
                    fouten.append(f"{pad} bij {breedte} px: axe {ernstig}")
    assert not fouten, f"{rol}:\n" + "\n".join(fouten)
