"""Links from the level views to the monitoring pages, shown only when the page exists and the user may open it.

The monitoring app owns those pages and their access checks; this one helper keeps a missing route from
breaking a level view (NoReverseMatch would be a 500).
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

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
        if not user.has_perm(permissie):
            continue
        try:
            links.append(Link(label, reverse(url_name)))
        except NoReverseMatch:
            continue
    return links
