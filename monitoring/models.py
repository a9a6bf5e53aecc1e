"""
Beleidsindicatoren and their metingen, the informatiepiramide levels, wijken; finances, piramide, factsheet.

Data-quality notes on these objects are `bronnen.Datakwaliteitsnotitie` (the bottom floor).

Figures are Decimal, never float. One value per (indicator, periode, wijk, soort).
"""

from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from simple_history.models import HistoricalRecords

from bronnen.models import Brondocument, Datakwaliteitsnotitie
from bronnen.velden import BronVeld
from kern.notatie import OngeldigePeriode, Periode
from monitoring.constants import (
    Bedragseenheid,
    Domein,
    Eenheid,
    FinancienSoort,
    FitGap,
    GebiedSoort,
    Indeling,
    IndicatorSoort,
    KerncijferOnderwerp,
    MetingSoort,
    MetingStatus,
    OutputOutcome,
    Richting,
    ScenarioTabel,
)


class Informatieniveau(models.Model):
    """A level of the informatiepiramide (§5.3)."""

    sleutel = models.SlugField("sleutel", unique=True)
    naam = models.CharField("niveau", max_length=50)
    volgorde = models.PositiveSmallIntegerField("volgorde")
    proces = models.CharField("proces", max_length=200, blank=True)
    type_indicatoren = models.CharField("type indicatoren", max_length=200, blank=True)
    bronnen = models.TextField("bronnen", blank=True)
    voorbeelden = models.TextField("voorbeelden", blank=True)
    bron = BronVeld()
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = "niveau van de informatiepiramide"
        verbose_name_plural = "niveaus van de informatiepiramide"

    def __str__(self):
        return self.naam


class Doel(models.Model):
    """A goal or sub-goal of programma 6 (6.1 → 6.1.1 …)."""

    code = models.CharField("code", max_length=20, unique=True)
    omschrijving = models.TextField("omschrijving")
    ouder = models.ForeignKey(
        "self",
        verbose_name="hoofddoel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subdoelen",
    )
    bron = BronVeld()
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = "doel"
        verbose_name_plural = "doelen"

    def __str__(self):
        return f"{self.code} {self.omschrijving}"


class Wijk(models.Model):
    """A wijk of Hengelo (gemeentecode GM0164), maintained by the data team."""

    naam = models.CharField("naam", max_length=100, unique=True)
    cbs_code = models.CharField("CBS-wijkcode", max_length=8, unique=True, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["naam"]
        verbose_name = "wijk"
        verbose_name_plural = "wijken"

    def __str__(self):
        return self.naam


class Vergelijkingsgebied(models.Model):
    """Another gemeente, or Twente / Nederland as a whole: a benchmark beside Hengelo's own values."""

    naam = models.CharField("naam", max_length=100, unique=True)
    cbs_code = models.CharField(
        "CBS-code",
        max_length=8,
        unique=True,
        null=True,
        blank=True,
        help_text="Bijvoorbeeld GM0153 voor een gemeente.",
    )
    soort = models.CharField("soort", max_length=10, choices=GebiedSoort)
    bron = BronVeld(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["soort", "naam"]
        verbose_name = "vergelijkingsgebied"
        verbose_name_plural = "vergelijkingsgebieden"

    def __str__(self):
        return self.naam


class Indicator(models.Model):
    code = models.CharField(
        "code", max_length=20, unique=True, help_text="Doelcode plus volgnummer in de tabel, bijv. 6.1.1.1."
    )
    naam = models.TextField("naam")
    doel = models.ForeignKey(Doel, verbose_name="doel", on_delete=models.PROTECT, related_name="indicatoren")
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    eenheid = models.CharField("eenheid", max_length=20, choices=Eenheid)
    richting = models.CharField("richting", max_length=10, choices=Richting)
    soort = models.CharField("soort", max_length=30, choices=IndicatorSoort)
    output_outcome = models.CharField("output of outcome", max_length=10, choices=OutputOutcome, blank=True)
    niveaus = models.ManyToManyField(
        Informatieniveau,
        verbose_name="niveaus van de informatiepiramide",
        blank=True,
        related_name="indicatoren",
    )
    modellaag = models.ForeignKey(
        "actielijnen.Modellaag",
        verbose_name="laag Nieuw Hengelo's Model",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicatoren",
    )
    bron = BronVeld("bron van de data", blank=True)
    fitgap = models.CharField("fit-gap", max_length=10, choices=FitGap, blank=True)
    fitgap_toelichting = models.TextField("toelichting fit-gap", blank=True)
    fitgap_eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="eigenaar fit-gap",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    activiteiten = models.ManyToManyField(
        "actielijnen.Activiteit",
        verbose_name="activiteiten die hem beïnvloeden",
        blank=True,
        related_name="indicatoren",
    )
    vindplaats = models.CharField("vindplaats in de brondocumenten", max_length=200, blank=True)
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    # The links to activities are history too (goal → activity → effect): who linked what, when, on the
    # indicator's history page.
    history = HistoricalRecords(m2m_fields=[activiteiten])

    class Meta:
        ordering = ["doel__code", "volgorde", "code"]
        verbose_name = "beleidsindicator"
        verbose_name_plural = "beleidsindicatoren"
        permissions = [
            ("wijzig_fitgap", "Mag de fit-gapstatus en eigenaar van elke indicator wijzigen"),
            ("koppel_activiteiten", "Mag indicatoren aan activiteiten koppelen"),
        ]

    def __str__(self):
        return f"{self.code} {self.naam}"

    def get_absolute_url(self):
        return reverse("monitoring:indicator_detail", kwargs={"code": self.code})


class ImportVerwijderen(Exception):
    """Raised on every attempt to delete an import: its record is the audit trail of the metingen it wrote."""


class ImportQuerySet(models.QuerySet):
    def delete(self):
        raise ImportVerwijderen("Een import wordt nooit verwijderd; maak hem ongedaan op de importpagina.")


class Import(models.Model):
    """One committed spreadsheet import: who, when, which file, what it did; it can be undone, never deleted."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gebruiker", on_delete=models.PROTECT, related_name="+"
    )
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True)
    bestandsnaam = models.CharField("bestandsnaam", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    bestand = models.CharField(
        "bewaard bestand",
        max_length=200,
        blank=True,
        help_text="Het geüploade bestand, relatief aan MEDIA_ROOT, onder zijn sha256 (imports/<sha256>.csv of "
        ".xlsx): het bewijs achter deze import, bewaard zolang de import bestaat. Leeg: niet via de importpagina.",
    )
    indeling = models.CharField("indeling", max_length=10, choices=Indeling)
    alleen_geldige = models.BooleanField("alleen geldige rijen", default=False)
    aantal_rijen = models.PositiveIntegerField("rijen", default=0)
    aantal_nieuw = models.PositiveIntegerField("nieuw", default=0)
    aantal_gewijzigd = models.PositiveIntegerField("gewijzigd", default=0)
    aantal_ongewijzigd = models.PositiveIntegerField("ongewijzigd", default=0)
    aantal_ongeldig = models.PositiveIntegerField("ongeldig", default=0)
    ongedaan_op = models.DateTimeField("ongedaan gemaakt op", null=True, blank=True)
    ongedaan_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ongedaan gemaakt door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ImportQuerySet.as_manager()

    class Meta:
        ordering = ["-tijdstip", "-pk"]
        verbose_name = "import"
        verbose_name_plural = "imports"

    def __str__(self):
        return f"{self.bestandsnaam} ({self.tijdstip:%d-%m-%Y %H:%M})"

    def delete(self, *args, **kwargs):
        raise ImportVerwijderen("Een import wordt nooit verwijderd; maak hem ongedaan op de importpagina.")

    @property
    def bestandspad(self) -> Path | None:
        """Where the uploaded file behind this import is kept (MEDIA_ROOT/imports/<sha256>.<ext>), or None."""
        return Path(settings.MEDIA_ROOT) / self.bestand if self.bestand else None

    @property
    def wijzigingsreden(self) -> str:
        """The change reason on every history row this import wrote; undo finds its rows by it."""
        return f"import:{self.pk}"


def _periode_controleren(periode: str) -> None:
    """A ValidationError on the field `periode` unless it is a year, quarter or month (kern.notatie)."""
    try:
        Periode.parse(periode)
    except OngeldigePeriode as exc:
        raise ValidationError({"periode": str(exc)}) from exc


class Meting(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name="indicator", on_delete=models.CASCADE, related_name="metingen"
    )
    periode = models.CharField("periode", max_length=7, help_text="2023, 2023-Q2 of 2023-05.")
    periode_begin = models.DateField("begin van de periode", editable=False)
    wijk = models.ForeignKey(
        Wijk,
        verbose_name="wijk",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="metingen",
        help_text="Leeg: heel Hengelo.",
    )
    gebied = models.ForeignKey(
        Vergelijkingsgebied,
        verbose_name="vergelijkingsgebied",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="metingen",
        help_text="Leeg: een waarde van Hengelo zelf. Anders: een benchmark van een andere gemeente of regio.",
    )
    soort = models.CharField("soort", max_length=12, choices=MetingSoort)
    waarde = models.DecimalField("waarde", max_digits=16, decimal_places=4)
    decimalen = models.PositiveSmallIntegerField(
        "decimalen",
        null=True,
        blank=True,
        help_text="Zoveel decimalen als de bron schrijft (15,0% → 1); leeg: zo weinig als nodig.",
    )
    bron = BronVeld(blank=True)
    status = models.CharField("status", max_length=12, choices=MetingStatus, default=MetingStatus.DEFINITIEF)
    via_import = models.ForeignKey(
        Import,
        verbose_name="import",
        # The import that wrote this value stays: undo needs it, and the audit trail may not lose it.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="metingen",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "periode_begin", "soort"]
        verbose_name = "meting"
        verbose_name_plural = "metingen"
        permissions = [
            ("import_metingen", "Mag metingen importeren en imports ongedaan maken"),
            ("export_metingen", "Mag indicatoren en metingen exporteren"),
            ("view_kleine_aantallen", "Mag aantallen onder de drempel zien"),
            ("view_fitgap", "Mag het fit-gapoverzicht zien"),
        ]
        constraints = [
            # NULL wijk/gebied means "heel Hengelo"; SQL treats NULLs as distinct, hence three constraints.
            models.UniqueConstraint(
                fields=["indicator", "periode", "soort"],
                condition=models.Q(wijk__isnull=True, gebied__isnull=True),
                name="meting_uniek_hengelo",
            ),
            models.UniqueConstraint(
                fields=["indicator", "periode", "gebied", "soort"],
                condition=models.Q(gebied__isnull=False),
                name="meting_uniek_per_gebied",
            ),
            models.CheckConstraint(
                condition=models.Q(wijk__isnull=True) | models.Q(gebied__isnull=True),
                name="meting_wijk_of_gebied",
            ),
            models.UniqueConstraint(
                fields=["indicator", "periode", "wijk", "soort"],
                condition=models.Q(wijk__isnull=False),
                name="meting_uniek_per_wijk",
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "soort", "periode_begin"], name="meting_reeks"),
            # The standing of every indicator reads only Hengelo's own figures, newest first per kind: a partial
            # index keeps that read to the city-wide rows, however many wijk and benchmark figures there are.
            models.Index(
                fields=["indicator", "soort", "-periode_begin"],
                condition=models.Q(wijk__isnull=True, gebied__isnull=True),
                name="meting_hengelo_reeks",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.periode} {self.get_soort_display()}: {self.waarde}"

    def save(self, *args, **kwargs):
        periode = Periode.parse(self.periode)
        self.periode, self.periode_begin = periode.tekst, periode.begin
        super().save(*args, **kwargs)

    def clean(self):
        """Refuse a period that is no year, quarter or month in Dutch next to the field (admin forms)."""
        super().clean()
        _periode_controleren(self.periode)


class AndereBronwaarde(models.Model):
    """What another source document prints for the same slot as a Meting (same indicator, period and kind).

    Meting keeps one value per slot (its unique key is what imports rely on); where a second source gives a
    different value, that value is kept here with its own source, flagged as a conflict, and a data-quality note
    quotes both. `waarde` is empty when the source prints "no value" for the slot (e.g. "n.v.t.").
    """

    meting = models.ForeignKey(
        Meting, verbose_name="meting", on_delete=models.CASCADE, related_name="andere_bronwaarden"
    )
    brondocument = models.ForeignKey(
        Brondocument, verbose_name="brondocument", on_delete=models.PROTECT, related_name="+"
    )
    bron = BronVeld()
    cel = models.CharField("cel zoals gedrukt", max_length=60)
    waarde = models.DecimalField(
        "waarde",
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="Leeg: de bron geeft geen waarde.",
    )
    decimalen = models.PositiveSmallIntegerField("decimalen", null=True, blank=True)
    is_conflict = models.BooleanField(
        "conflict",
        default=True,
        help_text="De bron geeft voor dezelfde meting iets anders dan de opgenomen waarde.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meting", "bron"]
        verbose_name = "waarde uit een andere bron"
        verbose_name_plural = "waarden uit andere bronnen"
        constraints = [models.UniqueConstraint(fields=["meting", "bron"], name="andere_bronwaarde_uniek")]

    def __str__(self):
        return f"{self.meting.indicator.code} {self.meting.periode}: {self.cel} ({self.bron})"


class Databedrevenheidspijler(models.Model):
    """One of the four pillars of databedrevenheid (Uitvoeringsplan 2023, §5.1): Data, Kennis, Strategie, Cultuur."""

    naam = models.CharField("naam", max_length=50, unique=True)
    volgorde = models.PositiveSmallIntegerField("volgorde")
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = "pijler van databedrevenheid"
        verbose_name_plural = "pijlers van databedrevenheid"

    def __str__(self):
        return self.naam


class Pijlerelement(models.Model):
    """An element under a pillar of databedrevenheid, in the order of the table in §5.1."""

    pijler = models.ForeignKey(
        Databedrevenheidspijler, verbose_name="pijler", on_delete=models.CASCADE, related_name="elementen"
    )
    volgorde = models.PositiveSmallIntegerField("volgorde")
    naam = models.CharField("naam", max_length=100)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pijler__volgorde", "volgorde"]
        verbose_name = "element van een pijler"
        verbose_name_plural = "elementen van de pijlers"
        constraints = [models.UniqueConstraint(fields=["pijler", "volgorde"], name="pijlerelement_uniek")]

    def __str__(self):
        return self.naam


class Scenario(models.Model):
    """One of the three scenarios of the political market of July 2022 (003)."""

    nummer = models.PositiveSmallIntegerField("nummer", unique=True)
    naam = models.CharField("naam", max_length=100)
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["nummer"]
        verbose_name = "scenario"
        verbose_name_plural = "scenario's"

    def __str__(self):
        return f"Scenario {self.nummer}: {self.naam}"


class Bedrag(models.Model):
    """A financial figure: budget, investment, planned or realised saving, or a scenario's calculated saving."""

    sleutel = models.SlugField("sleutel", max_length=120, unique=True)
    soort = models.CharField("soort", max_length=20, choices=FinancienSoort)
    domein = models.CharField(
        "domein", max_length=10, choices=Domein, blank=True, help_text="Leeg: het hele plan."
    )
    jaar = models.PositiveSmallIntegerField("jaar", null=True, blank=True, help_text="Leeg: structureel.")
    scenario = models.ForeignKey(
        Scenario,
        verbose_name="scenario",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bedragen",
    )
    bedrag = models.DecimalField("bedrag (euro)", max_digits=16, decimal_places=2)
    bron = BronVeld()
    toelichting = models.TextField("toelichting", blank=True)
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["soort", "scenario__nummer", "domein", "jaar"]
        verbose_name = "financieel bedrag"
        verbose_name_plural = "financiële bedragen"

    def __str__(self):
        jaar = self.jaar or "structureel"
        return f"{self.get_soort_display()} {self.get_domein_display() or 'totaal'} {jaar}: € {self.bedrag}"


class Scenariototaal(models.Model):
    """A scenario's total for one year as the document prints it (003), beside the sum of its domains.

    Two tables print totals: "Totaal Scenario n" under each Doorrekening (in euros) and the overview "Scenario's op
    een rij" (in thousands of euros: "€ 1.506" is € 1.506.000). The unit is stored with the figure; `wijkt_af`
    flags a printed total that differs from the sum of the domain amounts, which the page then shows beside it.
    """

    scenario = models.ForeignKey(
        Scenario, verbose_name="scenario", on_delete=models.CASCADE, related_name="gedrukte_totalen"
    )
    tabel = models.CharField("tabel", max_length=20, choices=ScenarioTabel)
    jaar = models.PositiveSmallIntegerField("jaar")
    cel = models.CharField("cel zoals gedrukt", max_length=40, help_text="Bijvoorbeeld '€ 1.506'.")
    bedrag = models.DecimalField("bedrag zoals gedrukt", max_digits=16, decimal_places=2)
    eenheid = models.CharField("eenheid", max_length=12, choices=Bedragseenheid)
    som_van_de_domeinen = models.DecimalField(
        "som van de domeinen (euro)", max_digits=16, decimal_places=2, null=True, blank=True
    )
    wijkt_af = models.BooleanField(
        "wijkt af van de som van de domeinen",
        default=False,
        help_text="Het gedrukte totaal (omgerekend naar euro) is niet gelijk aan de som van Jeugd, Wmo en W&I.",
    )
    bron = BronVeld()
    history = HistoricalRecords()

    class Meta:
        ordering = ["scenario__nummer", "tabel", "jaar"]
        verbose_name = "gedrukt scenariototaal"
        verbose_name_plural = "gedrukte scenariototalen"
        constraints = [
            models.UniqueConstraint(fields=["scenario", "tabel", "jaar"], name="scenariototaal_uniek")
        ]

    def __str__(self):
        return f"{self.scenario} {self.jaar} ({self.get_tabel_display()}): {self.cel}"

    @property
    def cel_weergave(self) -> str:
        """The cell as printed, with a non-breaking space after € so a page never wraps between € and the figure."""
        return self.cel.replace("€ ", "€\u00a0")

    @property
    def bedrag_in_euro(self):
        """The printed figure in euros (the overview's thousands multiplied out)."""
        return self.bedrag * Bedragseenheid.factor(self.eenheid)

    @property
    def verschil(self):
        """Printed total minus the sum of the domains, in euros; None when the sum is unknown."""
        if self.som_van_de_domeinen is None:
            return None
        return self.bedrag_in_euro - self.som_van_de_domeinen


class Piramidestand(models.Model):
    """Number of clients in one layer of the transformatiepiramide (Nieuw Hengelo's Model) in one period."""

    modellaag = models.ForeignKey(
        "actielijnen.Modellaag", verbose_name="laag", on_delete=models.PROTECT, related_name="piramidestanden"
    )
    periode = models.CharField("periode", max_length=7)
    aantal_clienten = models.PositiveIntegerField("aantal cliënten")
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["periode", "modellaag__volgorde"]
        verbose_name = "stand van de transformatiepiramide"
        verbose_name_plural = "standen van de transformatiepiramide"
        constraints = [models.UniqueConstraint(fields=["modellaag", "periode"], name="piramidestand_uniek")]

    def __str__(self):
        return f"{self.modellaag} {self.periode}: {self.aantal_clienten}"

    def clean(self):
        """The same period rule as every meting: a year, quarter or month, refused in Dutch otherwise."""
        super().clean()
        _periode_controleren(self.periode)


class Kerncijfer(models.Model):
    """A figure of the factsheet Sociaal Domein in beeld (002): population, use of maatwerk, spending."""

    sleutel = models.SlugField("sleutel", max_length=120, unique=True)
    onderwerp = models.CharField("onderwerp", max_length=20, choices=KerncijferOnderwerp)
    naam = models.CharField("naam", max_length=200)
    domein = models.CharField("domein", max_length=10, choices=Domein, blank=True)
    periode = models.CharField("periode", max_length=7)
    waarde = models.DecimalField("waarde", max_digits=16, decimal_places=4)
    eenheid = models.CharField("eenheid", max_length=20, choices=Eenheid)
    telt_personen = models.BooleanField(
        "telt personen",
        default=False,
        help_text="Kleine aantallen worden voor college, raad en inwoners verborgen.",
    )
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["onderwerp", "volgorde"]
        verbose_name = "kerncijfer"
        verbose_name_plural = "kerncijfers"

    def __str__(self):
        return f"{self.naam} ({self.periode})"

    def clean(self):
        """The same period rule as every meting: a year, quarter or month, refused in Dutch otherwise."""
        super().clean()
        _periode_controleren(self.periode)
