"""
The DCAT-AP-NL 3.0 catalogue of the open data, as an RDF graph (rdflib) served as JSON-LD.

- dcat:Catalog "Transformatiemonitor Sociaal Domein Hengelo", published by Gemeente Hengelo (TOOI).
- One dcat:Dataset per indicator series of the newest published edition, with three distributions: the CSV and
  the JSON file of /open-data/ and the API resource /api/v1/reeksen/{code}.
- The editions as a dcat:DatasetSeries; each published (or replaced) edition a dcat:Dataset `dcat:inSeries` it,
  with the API resource as distribution; a correction `dct:replaces` the edition it corrects.
- The API itself as a dcat:DataService: endpoint /api/v1, described by /api/v1/openapi.json.

Every dataset, series, distribution and service carries the properties DCAT-AP-NL makes mandatory (title and
description in Dutch, identifier, publisher, creator, contact point, theme, access rights, licence, media type);
tests/api/test_catalogus.py reads the served JSON-LD back and checks them per class. Controlled vocabularies are
the EU's (data themes, access rights, licences, file types, languages) and IANA's media types.
"""

from django.conf import settings

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, XSD

from api.constants import BASISPAD, GEMEENTE, GEMEENTE_URI
from rapportage.inwonerstekst import zonder_eenheid
from rapportage.models import Rapportage

DCAT = Namespace("http://www.w3.org/ns/dcat#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
THEMA = URIRef(EU + "data-theme/SOCI")  # Bevolking en samenleving
THEMA_OVERHEID = URIRef(EU + "data-theme/GOVE")  # Overheid en publieke sector
OPENBAAR = URIRef(EU + "access-right/PUBLIC")
LICENTIE = URIRef(EU + "licence/CC0")
TAAL = URIRef(EU + "language/NLD")
FORMAAT = {"csv": URIRef(EU + "file-type/CSV"), "json": URIRef(EU + "file-type/JSON")}
MEDIATYPE = {
    "csv": URIRef("https://www.iana.org/assignments/media-types/text/csv"),
    "json": URIRef("https://www.iana.org/assignments/media-types/application/json"),
}
OPENAPI_3 = URIRef("https://spec.openapis.org/oas/v3.0.3")

CONTEXT = {
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "xsd": str(XSD),
}


def _nl(tekst: str) -> Literal:
    return Literal(tekst, lang="nl")


def _datumtijd(waarde) -> Literal:
    return Literal(waarde.isoformat(timespec="seconds"), datatype=XSD.dateTime)


class Catalogus:
    """Builds the graph; `basis` is the site's absolute root ('https://sd.hengelo.nl')."""

    def __init__(self, basis: str):
        self.basis = basis.rstrip("/")
        self.uri = URIRef(f"{self.basis}{BASISPAD}/catalogus")
        self.g = Graph()
        self.g.bind("dcat", DCAT)
        self.g.bind("dct", DCTERMS)
        self.g.bind("foaf", FOAF)
        self.g.bind("vcard", VCARD)
        self.uitgever = URIRef(GEMEENTE_URI)
        self.contactpunt = URIRef(f"{self.uri}#contactpunt")
        self.dienst = URIRef(f"{self.uri}#api")

    def _knoop(self, naam: str) -> URIRef:
        return URIRef(f"{self.uri}#{naam}")

    def _url(self, pad: str) -> URIRef:
        return URIRef(f"{self.basis}{pad}")

    def _gemeenschappelijk(self, onderwerp: URIRef, titel: str, omschrijving: str) -> None:
        """What every dataset, series and service of the catalogue says about itself."""
        g = self.g
        g.add((onderwerp, DCTERMS.title, _nl(titel)))
        g.add((onderwerp, DCTERMS.description, _nl(omschrijving)))
        g.add((onderwerp, DCTERMS.identifier, Literal(str(onderwerp))))
        g.add((onderwerp, DCTERMS.publisher, self.uitgever))
        g.add((onderwerp, DCTERMS.creator, self.uitgever))
        g.add((onderwerp, DCAT.contactPoint, self.contactpunt))
        g.add((onderwerp, DCTERMS.accessRights, OPENBAAR))
        g.add((onderwerp, DCTERMS.license, LICENTIE))
        g.add((onderwerp, DCTERMS.language, TAAL))
        g.add((onderwerp, DCAT.theme, THEMA))
        g.add((onderwerp, DCAT.theme, THEMA_OVERHEID))
        g.add((onderwerp, DCAT.keyword, _nl("sociaal domein")))
        g.add((onderwerp, DCAT.keyword, _nl("transformatie")))

    def _distributie(
        self, dataset: URIRef, naam: str, *, url: str, formaat: str, titel: str, omschrijving: str, api: bool
    ) -> None:
        g, distributie = self.g, self._knoop(naam)
        g.add((dataset, DCAT.distribution, distributie))
        g.add((distributie, RDF.type, DCAT.Distribution))
        g.add((distributie, DCTERMS.title, _nl(titel)))
        g.add((distributie, DCTERMS.description, _nl(omschrijving)))
        g.add((distributie, DCAT.accessURL, self._url(url)))
        if api:
            g.add((distributie, DCAT.accessService, self.dienst))
        else:
            g.add((distributie, DCAT.downloadURL, self._url(url)))
        g.add((distributie, DCAT.mediaType, MEDIATYPE[formaat]))
        g.add((distributie, DCTERMS["format"], FORMAAT[formaat]))
        g.add((distributie, DCTERMS.license, LICENTIE))
        g.add((distributie, DCTERMS.accessRights, OPENBAAR))
        g.add((distributie, DCTERMS.language, TAAL))

    def bouwen(self, edities: list[Rapportage], nieuwste: Rapportage | None) -> Graph:
        g = self.g
        g.add((self.uri, RDF.type, DCAT.Catalog))
        g.add((self.uri, DCTERMS.title, _nl("Open data Transformatiemonitor Sociaal Domein Hengelo")))
        g.add(
            (
                self.uri,
                DCTERMS.description,
                _nl(
                    "De beleidsindicatoren en de rapportages aan de gemeenteraad over de transformatie van het "
                    "sociaal domein in Hengelo, zoals gepubliceerd. Alleen gepubliceerde rapportages; de cijfers "
                    "komen uit de momentopname van elke rapportage, nooit uit nog niet gepubliceerde gegevens."
                ),
            )
        )
        g.add((self.uri, DCTERMS.publisher, self.uitgever))
        g.add((self.uri, DCAT.contactPoint, self.contactpunt))
        g.add((self.uri, DCTERMS.language, TAAL))
        g.add((self.uri, DCTERMS.license, LICENTIE))
        g.add((self.uri, FOAF.homepage, self._url("/open-data/")))
        g.add((self.uri, DCAT.service, self.dienst))
        if nieuwste is not None and nieuwste.gepubliceerd_op:
            g.add((self.uri, DCTERMS.modified, _datumtijd(nieuwste.gepubliceerd_op)))

        g.add((self.uitgever, RDF.type, FOAF.Agent))
        g.add((self.uitgever, FOAF.name, _nl(GEMEENTE)))
        g.add((self.contactpunt, RDF.type, VCARD.Kind))
        g.add((self.contactpunt, VCARD.fn, _nl("Transformatiemonitor Sociaal Domein, Gemeente Hengelo")))
        g.add((self.contactpunt, VCARD.hasEmail, URIRef(f"mailto:{settings.API_CONTACT_EMAIL}")))

        datasets = self._reeksen(nieuwste) + self._edities(edities)
        self._dienst(datasets)
        return g

    def _reeksen(self, nieuwste: Rapportage | None) -> list[URIRef]:
        if nieuwste is None:
            return []
        g, uit = self.g, []
        for indicator in nieuwste.inhoud.get("indicatoren", []):
            code, naam = indicator["code"], zonder_eenheid(indicator["naam"])
            dataset = self._knoop(f"reeks-{code}")
            uit.append(dataset)
            g.add((self.uri, DCAT.dataset, dataset))
            g.add((dataset, RDF.type, DCAT.Dataset))
            self._gemeenschappelijk(
                dataset,
                f"Beleidsindicator {code}: {naam}",
                f"{naam}. Doel {indicator['doel_code']}: {indicator['doel_omschrijving']}. Peilwaarden, "
                f"realisaties en streefwaarden van Hengelo per periode, zoals gepubliceerd in de rapportage "
                f"aan de raad '{nieuwste}' (peildatum {nieuwste.peildatum.isoformat()}).",
            )
            g.add((dataset, DCAT.landingPage, self._url("/open-data/")))
            if indicator.get("vindplaats"):
                g.add((dataset, DCTERMS.source, _nl(indicator["vindplaats"])))
            if nieuwste.gepubliceerd_op:
                g.add((dataset, DCTERMS.modified, _datumtijd(nieuwste.gepubliceerd_op)))
            for formaat in ("csv", "json"):
                self._distributie(
                    dataset,
                    f"reeks-{code}-{formaat}",
                    url=f"/open-data/{code}.{formaat}",
                    formaat=formaat,
                    titel=f"{code} als {formaat.upper()}",
                    omschrijving=f"De reeks {code} als {formaat.upper()}-bestand (open data).",
                    api=False,
                )
            self._distributie(
                dataset,
                f"reeks-{code}-api",
                url=f"{BASISPAD}/reeksen/{code}",
                formaat="json",
                titel=f"{code} via de API",
                omschrijving=f"De reeks {code} met metagegevens en datakwaliteit via de API.",
                api=True,
            )
        return uit

    def _edities(self, edities: list[Rapportage]) -> list[URIRef]:
        g = self.g
        reeks = self._knoop("edities")
        g.add((self.uri, DCAT.dataset, reeks))
        g.add((reeks, RDF.type, DCAT.DatasetSeries))
        self._gemeenschappelijk(
            reeks,
            "Rapportages aan de raad over de transformatie sociaal domein",
            "Elke gepubliceerde rapportage aan de gemeenteraad per P&C-moment (begroting, zomernota, "
            "viermaandsrapportage, jaarstukken): voortgang per actielijn, beleidsindicatoren, financiën, "
            "risico's, Sociaal Domein in beeld, moties en participatie, bevroren op de peildatum.",
        )
        self._distributie(
            reeks,
            "edities-api",
            url=f"{BASISPAD}/edities",
            formaat="json",
            titel="Alle rapportages via de API",
            omschrijving="De lijst van gepubliceerde rapportages, per pagina.",
            api=True,
        )
        uit = [reeks]
        gepubliceerd = {e.pk for e in edities}
        for editie in edities:
            dataset = self._knoop(f"editie-{editie.pk}")
            uit.append(dataset)
            g.add((self.uri, DCAT.dataset, dataset))
            g.add((dataset, RDF.type, DCAT.Dataset))
            g.add((dataset, DCAT.inSeries, reeks))
            self._gemeenschappelijk(
                dataset,
                str(editie),
                f"{editie.get_pc_moment_display()} {editie.jaar}, peildatum {editie.peildatum.isoformat()}, "
                f"versie {editie.versie}: de rapportage aan de raad over de transformatie sociaal domein "
                f"({editie.get_status_display().lower()}).",
            )
            g.add((dataset, DCAT.version, Literal(str(editie.versie))))
            if editie.gepubliceerd_op:
                g.add((dataset, DCTERMS.issued, _datumtijd(editie.gepubliceerd_op)))
            tijdvak = self._knoop(f"editie-{editie.pk}-peildatum")
            g.add((dataset, DCTERMS.temporal, tijdvak))
            g.add((tijdvak, RDF.type, DCTERMS.PeriodOfTime))
            g.add((tijdvak, DCAT.endDate, Literal(editie.peildatum.isoformat(), datatype=XSD.date)))
            if editie.vervangt_id in gepubliceerd:
                g.add((dataset, DCTERMS.replaces, self._knoop(f"editie-{editie.vervangt_id}")))
                g.add((self._knoop(f"editie-{editie.vervangt_id}"), DCTERMS.isReplacedBy, dataset))
            self._distributie(
                dataset,
                f"editie-{editie.pk}-api",
                url=f"{BASISPAD}/edities/{editie.pk}",
                formaat="json",
                titel=f"{editie} via de API",
                omschrijving="De rapportage met haar secties via de API.",
                api=True,
            )
        return uit

    def _dienst(self, datasets: list[URIRef]) -> None:
        g, dienst = self.g, self.dienst
        g.add((dienst, RDF.type, DCAT.DataService))
        self._gemeenschappelijk(
            dienst,
            "API Transformatiemonitor Sociaal Domein Hengelo",
            "Alleen-lezen API (REST, JSON) met de gepubliceerde rapportages aan de raad, de "
            "indicatorreeksen, actielijnen, activiteiten en moties zoals gepubliceerd. Openbaar, zonder "
            "inloggen; volgens de NL API Design Rules.",
        )
        g.add((dienst, DCAT.endpointURL, self._url(BASISPAD)))
        g.add((dienst, DCAT.endpointDescription, self._url(f"{BASISPAD}/openapi.json")))
        g.add((dienst, DCTERMS.conformsTo, OPENAPI_3))
        for dataset in datasets:
            g.add((dienst, DCAT.servesDataset, dataset))


def als_jsonld(graaf: Graph) -> str:
    """JSON-LD with a small inline @context (prefixes only): readable, and parsed without fetching anything."""
    return graaf.serialize(format="json-ld", context=CONTEXT, indent=2, sort_keys=True, ensure_ascii=False)
