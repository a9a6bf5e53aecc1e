"""What pages read about the signed-in user: the levels of the informatiepiramide (uitvoeringsplan §5.3) the
navigation shows, the main menu, and the links from the level views to the monitoring pages.

The links are shown only when the page exists and the user may open it: the monitoring app owns those pages
and their access checks; `monitoring_links` keeps a missing route from breaking a level view (NoReverseMatch
would be a 500)."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from accounts.permissions import eigen_niveau, mag_niveau_openen, mag_openen

# --- the levels of the informatiepiramide ----------------------------------------


@dataclass(frozen=True)
class Niveau:
    sleutel: str
    naam: str
    url_name: str | None = None
    open: bool = False
    eigen: bool = False


NIVEAUS = ("uitvoering", "management", "college", "raad", "inwoners")

URL_NAMEN = {
    "uitvoering": "actielijnen:uitvoering",
    "management": "actielijnen:management",
    "college": "rapportage:college",
    "raad": "rapportage:raad",
    "inwoners": "rapportage:inwoners",
}


def niveaus_voor(user) -> list[Niveau]:
    """All five levels, top-down as the pyramid reads; openable ones carry their url, the user's own is marked."""
    eigen = eigen_niveau(user) if user is not None and user.is_authenticated else None
    return [
        Niveau(
            sleutel=sleutel,
            naam=sleutel.capitalize(),
            url_name=URL_NAMEN[sleutel],
            open=mag_niveau_openen(user, sleutel),
            eigen=sleutel == eigen,
        )
        for sleutel in NIVEAUS
    ]


# --- menus and links ------------------------------------------------------------

# (label, url name, permission the monitoring page asks)
MONITORING_PAGINAS = (
    ("Beleidsindicatoren", "monitoring:indicator_list", "monitoring.view_indicator"),
    ("Financiën", "monitoring:financien", "monitoring.view_bedrag"),
    ("Transformatiepiramide", "monitoring:transformatiepiramide", "monitoring.view_piramidestand"),
    ("Fit-gapoverzicht", "monitoring:fitgap", "monitoring.view_fitgap"),
    ("Datagaten", "monitoring:datagaten", "monitoring.view_fitgap"),
)


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def monitoring_links(user) -> list[Link]:
    links = []
    for label, url_name, permissie in MONITORING_PAGINAS:
        if not mag_openen(user, (permissie,)):
            continue
        try:
            links.append(Link(label, reverse(url_name)))
        except NoReverseMatch:
            continue
    return links


# The main menu: the pages a role works with, each shown only to who may open it. Permissions only (accounts sits
# below the apps that own the pages, so it cannot ask their predicates); "any of" where a page opens for more than
# one permission. Pages other apps are still building (NoReverseMatch) are left out until they exist.
HOOFDMENU_PAGINAS = (
    ("Besluiten", "actielijnen:besluiten", ("actielijnen.view_uitvoering",)),
    ("Risico's", "actielijnen:risicoregister", ("actielijnen.view_risico",)),
    ("Indicatoren", "monitoring:indicator_list", ("monitoring.view_indicator",)),
    ("Financiën", "monitoring:financien", ("monitoring.view_bedrag",)),
    ("Transformatiepiramide", "monitoring:transformatiepiramide", ("monitoring.view_piramidestand",)),
    ("Fit-gapoverzicht", "monitoring:fitgap", ("monitoring.view_fitgap",)),
    ("Datagaten", "monitoring:datagaten", ("monitoring.import_metingen", "monitoring.view_fitgap")),
    ("Import", "monitoring:import", ("monitoring.import_metingen",)),
    ("Importgeschiedenis", "monitoring:import_historie", ("monitoring.import_metingen",)),
    ("Export", "monitoring:export", ("monitoring.export_metingen",)),
    ("Participatie", "participatie:overzicht", ("participatie.view_participatieadvies",)),
    ("Inkoop", "participatie:inkoop", ("participatie.view_inkooptraject",)),
    ("Communicatie", "participatie:communicatie", ("participatie.view_communicatieactie",)),
    ("Rapportages", "rapportage:editie_lijst", ("rapportage.view_rapportage",)),
    ("Moties", "rapportage:motie_lijst", ("rapportage.view_motie",)),
)


@dataclass(frozen=True)
class Menulink:
    """One link of the main menu; `huidig` is the aria-current value ("page", "true" for a section, or None)."""

    label: str
    url: str
    huidig: str | None = None
    eigen: bool = False


def _markeren(links: list[Menulink], pad: str) -> list[Menulink]:
    """Mark the link of the current page ("page"), or else the section the page lies under (longest prefix)."""
    huidig = next((link for link in links if link.url == pad), None)
    waarde = "page"
    if huidig is None:
        onder = [link for link in links if pad.startswith(link.url) and link.url != "/"]
        huidig = max(onder, key=lambda link: len(link.url), default=None)
        waarde = "true"
    return [Menulink(link.label, link.url, waarde if link is huidig else None, link.eigen) for link in links]


def hoofdmenu(user, pad: str) -> dict:
    """The main menu for this user on the page at `pad`: the levels they may open and the pages they work with.

    Levels the user cannot open are left out (no dead boxes); an anonymous visitor gets only the public page.
    The current page (or the section it lies under) carries aria-current; the user's own level is marked.
    """
    niveaus, paginas = [], []
    for niveau in niveaus_voor(user):
        if not niveau.open:
            continue
        try:
            niveaus.append(Menulink(niveau.naam, reverse(niveau.url_name), eigen=niveau.eigen))
        except NoReverseMatch:
            continue
    for label, url_name, permissies in HOOFDMENU_PAGINAS:
        if not mag_openen(user, permissies):
            continue
        try:
            paginas.append(Menulink(label, reverse(url_name)))
        except NoReverseMatch:
            continue
    if user is not None and user.is_authenticated and user.is_staff:
        paginas.append(Menulink("Beheer", reverse("admin:index")))
    gemarkeerd = _markeren(niveaus + paginas, pad)
    return {"niveaus": gemarkeerd[: len(niveaus)], "paginas": gemarkeerd[len(niveaus) :]}
