"""
Step III of §4.1: the shared register of stakeholders, the participation trajectories they take part in (inside
the programme and outside it), the meetings they are asked for, what they brought in and what was done with it,
and the threshold above which a stakeholder counts as overvraagd. Wijkgericht werken (§2.3.2) ties activities and
trajectories to wijken.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from simple_history.models import HistoricalRecords

from actielijnen.models import Activiteit
from bronnen.velden import BronVeld
from kern.herkomst import Voorbeeldherkomst
from monitoring.models import Wijk


class StakeholderSoort(models.TextChoices):
    ORGANISATIE = "organisatie", "Organisatie"
    GROEP = "groep", "Groep of overleg"


class Stakeholder(models.Model):
    """An organisation or group the programme asks to take part (Wijkkracht, Menzis, UWV, cliëntenraden, …)."""

    naam = models.CharField("naam", max_length=200, unique=True)
    soort = models.CharField(
        "soort", max_length=20, choices=StakeholderSoort, default=StakeholderSoort.ORGANISATIE
    )
    omschrijving = models.TextField("omschrijving", blank=True)
    bron = BronVeld(blank=True, help_text="Waar de brondocumenten haar noemen.")
    actief = models.BooleanField("actief", default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["naam"]
        verbose_name = "stakeholder"
        verbose_name_plural = "stakeholders"

    def __str__(self):
        return self.naam


class Participatietraject(Voorbeeldherkomst):
    """A trajectory stakeholders take part in: of an activity, or outside the programme (omgevingsvisie, …)."""

    naam = models.CharField("naam", max_length=200)
    activiteit = models.ForeignKey(
        Activiteit,
        verbose_name="activiteit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participatietrajecten",
        help_text="Leeg: een traject buiten het programma, zoals de omgevingsvisie of wijkgericht werken.",
    )
    omschrijving = models.TextField("omschrijving", blank=True)
    start = models.DateField("start", null=True, blank=True)
    einde = models.DateField("einde", null=True, blank=True)
    stakeholders = models.ManyToManyField(
        Stakeholder, verbose_name="stakeholders", blank=True, related_name="trajecten"
    )
    wijken = models.ManyToManyField(
        Wijk, verbose_name="wijken", blank=True, related_name="participatietrajecten"
    )
    history = HistoricalRecords(m2m_fields=[stakeholders, wijken])

    class Meta:
        ordering = ["naam"]
        verbose_name = "participatietraject"
        verbose_name_plural = "participatietrajecten"
        permissions = [
            (
                "programmabreed_bijhouden",
                "Participatie programmabreed bijhouden (trajecten buiten activiteiten, evaluaties van het geheel)",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(start__isnull=True) | Q(einde__gte=F("start")),
                name="participatietraject_volgorde",
            )
        ]

    def __str__(self):
        return self.naam

    @property
    def binnen_programma(self) -> bool:
        return self.activiteit_id is not None


class Bijeenkomst(Voorbeeldherkomst):
    """A meeting of a trajectory and the stakeholders asked to it: what overvraging counts."""

    traject = models.ForeignKey(
        Participatietraject, verbose_name="traject", on_delete=models.CASCADE, related_name="bijeenkomsten"
    )
    datum = models.DateField("datum")
    onderwerp = models.CharField("onderwerp", max_length=200)
    stakeholders = models.ManyToManyField(
        Stakeholder, verbose_name="gevraagde stakeholders", related_name="bijeenkomsten"
    )
    history = HistoricalRecords(m2m_fields=[stakeholders])

    class Meta:
        ordering = ["datum", "pk"]
        verbose_name = "bijeenkomst"
        verbose_name_plural = "bijeenkomsten"
        indexes = [models.Index(fields=["datum"], name="bijeenkomst_datum")]

    def __str__(self):
        return f"{self.onderwerp} ({self.datum:%d-%m-%Y})"


class Verwerking(models.TextChoices):
    OPEN = "open", "Nog niet verwerkt"
    OVERGENOMEN = "overgenomen", "Overgenomen"
    DEELS = "deels", "Deels overgenomen"
    NIET = "niet", "Niet overgenomen"


class Inbreng(Voorbeeldherkomst):
    """What a participant brought in to a trajectory and what the activity did with it ("u zei, wij deden").

    `persoon` is for the programme organisation only: the raad edition and the public page never show it.
    """

    traject = models.ForeignKey(
        Participatietraject, verbose_name="traject", on_delete=models.CASCADE, related_name="inbreng"
    )
    stakeholder = models.ForeignKey(
        Stakeholder,
        verbose_name="ingebracht door (organisatie of groep)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inbreng",
    )
    persoon = models.CharField(
        "naam van de inbrenger", max_length=200, blank=True, help_text="Alleen intern; nooit openbaar."
    )
    datum = models.DateField("datum")
    inbreng = models.TextField("wat is ingebracht")
    verwerking = models.CharField("verwerking", max_length=20, choices=Verwerking, default=Verwerking.OPEN)
    reactie = models.TextField(
        "wat is ermee gedaan", blank=True, help_text="De onderbouwing van de verwerking."
    )
    verwerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="verwerkt door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verwerkt_op = models.DateField("verwerkt op", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = "inbreng"
        verbose_name_plural = "inbreng"

    def __str__(self):
        return f"Inbreng {self.traject} ({self.datum:%d-%m-%Y})"


class Overvragingsdrempel(Voorbeeldherkomst):
    """The threshold the manager sets: how many trajectories and meetings per quarter one stakeholder may be
    asked for before it counts as overvraagd. One row (pk 1)."""

    max_trajecten = models.PositiveSmallIntegerField("maximaal aantal trajecten per kwartaal")
    max_bijeenkomsten = models.PositiveSmallIntegerField("maximaal aantal bijeenkomsten per kwartaal")
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gewijzigd door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "drempel voor overvraging"
        verbose_name_plural = "drempels voor overvraging"

    def __str__(self):
        return (
            f"Meer dan {self.max_trajecten} trajecten of {self.max_bijeenkomsten} bijeenkomsten per kwartaal"
        )


class Wijkkoppeling(Voorbeeldherkomst):
    """Wijkgericht werken (§2.3.2): an activity works in this wijk."""

    activiteit = models.ForeignKey(
        Activiteit, verbose_name="activiteit", on_delete=models.CASCADE, related_name="wijkkoppelingen"
    )
    wijk = models.ForeignKey(
        Wijk, verbose_name="wijk", on_delete=models.PROTECT, related_name="wijkkoppelingen"
    )
    toelichting = models.TextField("toelichting", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["wijk", "activiteit"]
        verbose_name = "activiteit in een wijk"
        verbose_name_plural = "activiteiten in wijken"
        constraints = [models.UniqueConstraint(fields=["activiteit", "wijk"], name="wijkkoppeling_uniek")]

    def __str__(self):
        return f"{self.activiteit} in {self.wijk}"
