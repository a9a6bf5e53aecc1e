"""
Data-quality notes: a visible note, quoting the source, on any object of any app whose source value cannot be
trusted as it stands. The models that carry notes declare `GenericRelation(Datakwaliteitsnotitie)`.
And the source documents themselves (`Brondocument`), and the glossary one of them prints (`Begrip`).
"""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models

from simple_history.models import HistoricalRecords

from bronnen.constants import Begripsoort, Ernst
from bronnen.velden import BronVeld


class Datakwaliteitsnotitie(models.Model):
    """A visible note on a value from the sources that cannot be trusted as it stands, quoting the source."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    onderwerp = GenericForeignKey("content_type", "object_id")
    sleutel = models.SlugField(
        "sleutel", max_length=120, unique=True, help_text="Vaste sleutel, zodat het laden idempotent is."
    )
    betreft = models.CharField("betreft", max_length=200, help_text="Bijvoorbeeld 'streefwaarde 2023'.")
    citaat = models.TextField("citaat uit de bron")
    bron = BronVeld()
    toelichting = models.TextField("toelichting")
    ernst = models.CharField("ernst", max_length=20, choices=Ernst)
    history = HistoricalRecords()

    class Meta:
        ordering = ["bron", "sleutel"]
        verbose_name = "datakwaliteitsnotitie"
        verbose_name_plural = "datakwaliteitsnotities"
        indexes = [models.Index(fields=["content_type", "object_id"], name="dq_onderwerp")]

    def __str__(self):
        return f"{self.get_ernst_display()}: {self.betreft}"


class Brondocument(models.Model):
    """One of the municipal documents the application is built from (`../shared/seeds`), as data.

    Dates, zaaknummers and decision dates are stored as the document prints them, never typed into a template;
    `korte_naam` is how a reader cites the document ("Uitvoeringsplan 2023"), and every `bron` in the
    application starts with it.
    """

    code = models.CharField(
        "code", max_length=3, unique=True, help_text="Volgnummer van het bestand in de bronnenmap, bijv. 000."
    )
    korte_naam = models.CharField(
        "korte naam", max_length=100, unique=True, help_text="Zoals een lezer het document noemt."
    )
    titel = models.CharField("titel", max_length=300)
    datum = models.DateField(
        "datum",
        null=True,
        blank=True,
        help_text="De datum die het document zelf draagt; leeg: de bron noemt er geen.",
    )
    datum_toelichting = models.CharField(
        "toelichting bij de datum", max_length=200, blank=True, help_text="Bijvoorbeeld 'definitieve versie'."
    )
    briefdatum = models.DateField(
        "datum van de aanbiedingsbrief", null=True, blank=True, help_text="Leeg: geen brief of geen datum."
    )
    zaaknummer = models.CharField("zaaknummer", max_length=20, blank=True)
    besluitdatum = models.DateField(
        "besluitdatum",
        null=True,
        blank=True,
        help_text="Alleen waar de tekst een datum van besluit noemt; leeg: de bron noemt er geen.",
    )
    besluit = models.TextField(
        "besluit", blank=True, help_text="Wat er op de besluitdatum is besloten, door wie."
    )
    bestand = models.CharField("bestand", max_length=100, help_text="Tekstversie in de bronnenmap.")
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = "brondocument"
        verbose_name_plural = "brondocumenten"

    def __str__(self):
        return self.korte_naam


class Begrip(models.Model):
    """An abbreviation or a term of the Scenario document's "Afkortingen en begrippenlijst", as printed.

    `term` and `uitleg` are the source's text, character for character: paragraphs apart by an empty line, a list
    one "- " item a line (see `blokken`). What is broken or ambiguous stays as printed, with a data-quality note.
    `sleutel` is the anchor on the begrippenlijst (/begrippen/#sociale-basis) that pages link a term to.
    """

    sleutel = models.SlugField(
        "sleutel", max_length=80, unique=True, help_text="Anker op de begrippenlijst, bijv. sociale-basis."
    )
    term = models.CharField("term", max_length=100, help_text="De afkorting of het begrip, zoals gedrukt.")
    soort = models.CharField("soort", max_length=20, choices=Begripsoort)
    uitleg = models.TextField(
        "uitleg",
        help_text="Zoals gedrukt: alinea's gescheiden door een lege regel, een opsomming met '- ' per regel.",
    )
    volgorde = models.PositiveSmallIntegerField("volgorde", help_text="De volgorde in de bron.")
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = "begrip"
        verbose_name_plural = "begrippen"

    def __str__(self):
        return self.term

    def blokken(self) -> list[tuple[str, str | list[str]]]:
        """The explanation as ("alinea", text) and ("lijst", [items]) blocks, for the page; the text unchanged."""
        blokken: list[tuple[str, str | list[str]]] = []
        for blok in self.uitleg.split("\n\n"):
            regels = [regel for regel in blok.split("\n") if regel.strip()]
            if regels and all(regel.startswith("- ") for regel in regels):
                blokken.append(("lijst", [regel[2:] for regel in regels]))
            elif regels:
                blokken.append(("alinea", " ".join(regels)))
        return blokken
