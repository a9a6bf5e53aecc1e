"""The DCAT-AP-NL 3.0 catalogue: served as JSON-LD, read back with rdflib, every mandatory property present.

VERPLICHT encodes the profile as this catalogue applies it: per class, the properties each resource of that
class must have (DCAT-AP-NL 3.0's mandatory properties, plus the contact point, creator, theme, access rights
and licence the municipality's open-data policy asks of every dataset).
"""

from datetime import date

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF

from api.constants import GEMEENTE_URI
from rapportage import services

pytestmark = [
    pytest.mark.django_db,
    # rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally.
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

DCAT = Namespace("http://www.w3.org/ns/dcat#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"

DATASET = (
    DCTERMS.title,
    DCTERMS.description,
    DCTERMS.identifier,
    DCTERMS.publisher,
    DCAT.contactPoint,
    DCTERMS.creator,
    DCAT.theme,
    DCTERMS.accessRights,
    DCTERMS.license,
    DCAT.distribution,
)
VERPLICHT = {
    DCAT.Catalog: (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCAT.dataset, DCAT.contactPoint),
    DCAT.Dataset: DATASET,
    DCAT.DatasetSeries: DATASET,
    DCAT.Distribution: (
        DCAT.accessURL,
        DCAT.mediaType,
        DCTERMS["format"],
        DCTERMS.license,
        DCTERMS.title,
        DCTERMS.description,
    ),
    DCAT.DataService: (
        DCTERMS.title,
        DCTERMS.description,
        DCTERMS.identifier,
        DCTERMS.publisher,
        DCAT.contactPoint,
        DCTERMS.creator,
        DCAT.theme,
        DCTERMS.accessRights,
        DCTERMS.license,
        DCAT.endpointURL,
        DCAT.endpointDescription,
        DCAT.servesDataset,
    ),
    VCARD.Kind: (VCARD.fn, VCARD.hasEmail),
}
# Texts a Dutch reader reads are tagged Dutch.
IN_HET_NEDERLANDS = (DCTERMS.title, DCTERMS.description)


def _graaf(client) -> Graph:
    antwoord = client.get("/api/v1/catalogus")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/ld+json; charset=utf-8"
    return Graph().parse(data=antwoord.content.decode(), format="json-ld")


@pytest.fixture
def graaf(client, demo, maak_editie):
    oud = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    correctie = services.correctie_maken(rapportage=oud, door=demo["manager"])
    services.vaststellen(rapportage=correctie, door=demo["college"])
    services.publiceren(rapportage=correctie, door=demo["college"])
    maak_editie(peildatum=date(2024, 8, 31), vaststellen=True, titel="Niet gepubliceerd")
    return _graaf(client), oud, correctie


def test_every_resource_has_every_mandatory_property(graaf):
    g, _, _ = graaf
    for klasse, eigenschappen in VERPLICHT.items():
        bronnen = set(g.subjects(RDF.type, klasse))
        assert bronnen, f"geen {klasse} in de catalogus"
        for bron in bronnen:
            ontbreekt = [e for e in eigenschappen if g.value(bron, e) is None]
            assert not ontbreekt, (bron, klasse, ontbreekt)
            for eigenschap in IN_HET_NEDERLANDS:
                for tekst in g.objects(bron, eigenschap):
                    assert isinstance(tekst, Literal) and tekst.language == "nl", (bron, eigenschap)


def test_controlled_vocabularies_publisher_and_contact(graaf, settings):
    g, _, _ = graaf
    for dataset in {*g.subjects(RDF.type, DCAT.Dataset), *g.subjects(RDF.type, DCAT.DatasetSeries)}:
        assert URIRef(EU + "data-theme/SOCI") in set(g.objects(dataset, DCAT.theme))
        assert g.value(dataset, DCTERMS.accessRights) == URIRef(EU + "access-right/PUBLIC")
        assert g.value(dataset, DCTERMS.license) == URIRef(EU + "licence/CC0")
        assert g.value(dataset, DCTERMS.publisher) == URIRef(GEMEENTE_URI)
        assert str(g.value(dataset, DCTERMS.identifier)) == str(dataset)
    for distributie in g.subjects(RDF.type, DCAT.Distribution):
        assert str(g.value(distributie, DCAT.mediaType)).startswith(IANA)
        assert str(g.value(distributie, DCTERMS["format"])).startswith(EU + "file-type/")
    assert g.value(URIRef(GEMEENTE_URI), FOAF.name) == Literal("Gemeente Hengelo", lang="nl")
    contact = g.value(predicate=RDF.type, object=VCARD.Kind)
    assert g.value(contact, VCARD.hasEmail) == URIRef(f"mailto:{settings.API_CONTACT_EMAIL}")


def test_indicator_series_are_datasets_with_csv_json_and_api_distributions(graaf):
    g, _, correctie = graaf
    codes = [i["code"] for i in correctie.inhoud["indicatoren"]]
    catalogus = g.value(predicate=RDF.type, object=DCAT.Catalog)
    for code in codes:
        dataset = URIRef(f"{catalogus}#reeks-{code}")
        assert (dataset, RDF.type, DCAT.Dataset) in g
        urls = {str(g.value(d, DCAT.accessURL)) for d in g.objects(dataset, DCAT.distribution)}
        assert urls == {
            f"http://testserver/open-data/{code}.csv",
            f"http://testserver/open-data/{code}.json",
            f"http://testserver/api/v1/reeksen/{code}",
        }
    assert str(g.value(predicate=RDF.type, object=DCAT.Catalog)) == "http://testserver/api/v1/catalogus"


def test_published_editions_are_a_dataset_series_with_corrections_linked(graaf):
    g, oud, correctie = graaf
    reeks = g.value(predicate=RDF.type, object=DCAT.DatasetSeries)
    leden = set(g.subjects(DCAT.inSeries, reeks))
    catalogus = str(g.value(predicate=RDF.type, object=DCAT.Catalog))
    assert leden == {URIRef(f"{catalogus}#editie-{oud.pk}"), URIRef(f"{catalogus}#editie-{correctie.pk}")}
    assert (
        URIRef(f"{catalogus}#editie-{correctie.pk}"),
        DCTERMS.replaces,
        URIRef(f"{catalogus}#editie-{oud.pk}"),
    ) in g
    assert "Niet gepubliceerd" not in g.serialize(format="turtle")


def test_the_api_is_a_data_service_described_by_the_openapi_document(client, graaf):
    g, _, _ = graaf
    dienst = g.value(predicate=RDF.type, object=DCAT.DataService)
    assert g.value(dienst, DCAT.endpointURL) == URIRef("http://testserver/api/v1")
    beschrijving = g.value(dienst, DCAT.endpointDescription)
    assert beschrijving == URIRef("http://testserver/api/v1/openapi.json")
    assert client.get(str(beschrijving).removeprefix("http://testserver")).status_code == 200
    datasets = {*g.subjects(RDF.type, DCAT.Dataset), *g.subjects(RDF.type, DCAT.DatasetSeries)}
    assert set(g.objects(dienst, DCAT.servesDataset)) == datasets


def test_without_a_published_edition_the_catalogue_still_describes_the_api(client, maak_editie):
    maak_editie()  # a concept only
    g = _graaf(client)
    assert not set(g.subjects(DCAT.inSeries, None))
    assert g.value(predicate=RDF.type, object=DCAT.DataService) is not None
