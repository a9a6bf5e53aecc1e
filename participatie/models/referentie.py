"""
Zakelijk partnerschap (§2.3.1: the procurement path towards 1 januari 2025) and the reference data of
participation (§4.1, steps I–IV) and communication (§4.2, four lines).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from simple_history.models import HistoricalRecords

from bronnen.models import Datakwaliteitsnotitie
from bronnen.velden import BronVeld


class Inkoopfase(models.Model):
    nummer = models.PositiveSmallIntegerField("fase", unique=True)
    naam = models.CharField("naam", max_length=100)
    start_kwartaal = models.CharField("start", max_length=7)
    eind_kwartaal = models.CharField("einde", max_length=7)
    beschrijving = models.TextField("beschrijving", blank=True)
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["nummer"]
        verbose_name = "inkoopfase"
        verbose_name_plural = "inkoopfasen"

    def __str__(self):
        return f"Fase {self.nummer}: {self.naam}"

    @property
    def periode_tekst(self) -> str:
        if self.start_kwartaal == self.eind_kwartaal:
            return _leesbaar(self.start_kwartaal)
        return f"{_leesbaar(self.start_kwartaal)} – {_leesbaar(self.eind_kwartaal)}"


def _leesbaar(kwartaal: str) -> str:
    jaar, q = kwartaal.split("-")
    return f"{q} {jaar}"


class Inkoopstap(models.Model):
    """A step within a phase, e.g. the six steps of the taakgerichte uitvoeringsvariant in the dialoogfase."""

    fase = models.ForeignKey(
        Inkoopfase, on_delete=models.CASCADE, related_name="stappen", verbose_name="fase"
    )
    nummer = models.PositiveSmallIntegerField("stap")
    naam = models.CharField("naam", max_length=200)
    bron = BronVeld()
    history = HistoricalRecords()

    class Meta:
        ordering = ["fase__nummer", "nummer"]
        verbose_name = "inkoopstap"
        verbose_name_plural = "inkoopstappen"
        constraints = [models.UniqueConstraint(fields=["fase", "nummer"], name="inkoopstap_uniek")]

    def __str__(self):
        return f"{self.nummer}. {self.naam}"


class Kernelement(models.Model):
    """An element of the shared picture formed with partners in a phase (§2.3.1)."""

    fase = models.ForeignKey(
        Inkoopfase, on_delete=models.CASCADE, related_name="kernelementen", verbose_name="fase"
    )
    volgorde = models.PositiveSmallIntegerField("volgorde")
    naam = models.CharField("naam", max_length=200)
    bron = BronVeld()
    history = HistoricalRecords()

    class Meta:
        ordering = ["fase__nummer", "volgorde"]
        verbose_name = "kernelement"
        verbose_name_plural = "kernelementen"
        constraints = [models.UniqueConstraint(fields=["fase", "volgorde"], name="kernelement_uniek")]

    def __str__(self):
        return self.naam


class Contractdatum(models.Model):
    """A date on which new contracts start (the target 1 januari 2025 and the footnote's other dates)."""

    sleutel = models.SlugField("sleutel", unique=True)
    onderwerp = models.CharField("onderwerp", max_length=200)
    datum = models.DateField("ingangsdatum")
    is_doeldatum = models.BooleanField(
        "doeldatum van het inkooptraject",
        default=False,
        help_text="De datum waar de planning van terugrekent.",
    )
    toelichting = models.TextField("toelichting", blank=True)
    bron = BronVeld()
    history = HistoricalRecords()

    class Meta:
        ordering = ["datum", "onderwerp"]
        verbose_name = "ingangsdatum overeenkomsten"
        verbose_name_plural = "ingangsdata overeenkomsten"

    def __str__(self):
        return f"{self.onderwerp} ({self.datum:%d-%m-%Y})"


class Participatiestap(models.Model):
    """Steps I–IV of the participation approach per activity (§4.1)."""

    nummer = models.CharField("stap", max_length=4, unique=True)
    volgorde = models.PositiveSmallIntegerField("volgorde")
    naam = models.CharField("naam", max_length=200)
    beschrijving = models.TextField("beschrijving")
    bron = BronVeld()
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = "participatiestap"
        verbose_name_plural = "participatiestappen"

    def __str__(self):
        return f"{self.nummer}. {self.naam}"


class Communicatielijn(models.Model):
    """One of the four communication lines (§4.2)."""

    sleutel = models.SlugField("sleutel", unique=True)
    naam = models.CharField("naam", max_length=100)
    volgorde = models.PositiveSmallIntegerField("volgorde")
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = "communicatielijn"
        verbose_name_plural = "communicatielijnen"

    def __str__(self):
        return self.naam


class Communicatiebudget(models.Model):
    """Budget set aside for communication (§4.2), as a range when the plan gives one ("100.000 – 120.000 euro")."""

    sleutel = models.SlugField("sleutel", unique=True)
    omschrijving = models.CharField("omschrijving", max_length=200)
    communicatielijnen = models.ManyToManyField(
        Communicatielijn, verbose_name="communicatielijnen", blank=True, related_name="budgetten"
    )
    bedrag_van = models.DecimalField("bedrag van (euro)", max_digits=12, decimal_places=2)
    bedrag_tot = models.DecimalField(
        "bedrag tot en met (euro)",
        max_digits=12,
        decimal_places=2,
        help_text="Gelijk aan 'van' als de bron één bedrag noemt.",
    )
    citaat = models.TextField("citaat uit de bron")
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sleutel"]
        verbose_name = "communicatiebudget"
        verbose_name_plural = "communicatiebudgetten"

    def __str__(self):
        return self.omschrijving


class Communicatienorm(models.Model):
    """A norm for a communication channel (§4.2), e.g. the newsletter "Minimaal vier keer per jaar"."""

    sleutel = models.SlugField("sleutel", unique=True)
    middel = models.CharField("middel", max_length=200)
    communicatielijn = models.ForeignKey(
        Communicatielijn,
        verbose_name="communicatielijn",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="normen",
    )
    minimaal_aantal = models.PositiveSmallIntegerField("minimaal aantal keer")
    per = models.CharField("per", max_length=20, help_text="Bijvoorbeeld 'jaar'.")
    citaat = models.TextField("citaat uit de bron")
    bron = BronVeld()
    history = HistoricalRecords()

    class Meta:
        ordering = ["sleutel"]
        verbose_name = "communicatienorm"
        verbose_name_plural = "communicatienormen"

    def __str__(self):
        return f"{self.middel}: minimaal {self.minimaal_aantal} keer per {self.per}"
