"""
The participation steps per activity (§4.1): I the participatie-advies and II the plan van aanpak, each decided on
by the activity's opdrachtgever through actielijnen/besluitvorming.py; IV the interim evaluations. Step III (who
takes part where) lives in participatie/models/betrokkenen.py.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from simple_history.models import HistoricalRecords

from actielijnen.besluitvorming import Uitkomst
from actielijnen.models import Activiteit
from kern.herkomst import Voorbeeldherkomst

# The roles that decide on step I and step II (§4.1: "De opdrachtgever neemt hierover een besluit").
OPDRACHTGEVER = "opdrachtgever"


class Voorstel(Voorbeeldherkomst):
    """What steps I and II share: a proposal by the trekker, open until its opdrachtgever decides."""

    status = models.CharField("status", max_length=20, choices=Uitkomst, default=Uitkomst.OPEN)
    opgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="opgesteld door", on_delete=models.PROTECT, related_name="+"
    )
    ingediend_op = models.DateTimeField("ingediend op", default=timezone.now)

    class Meta:
        abstract = True


class Voorstelbesluit(Voorbeeldherkomst):
    """One role's decision on a proposal: the shape actielijnen/besluitvorming.py expects of `besluiten`."""

    rol = models.CharField("rol", max_length=20)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="door", on_delete=models.PROTECT, related_name="+"
    )
    akkoord = models.BooleanField("akkoord")
    toelichting = models.TextField("toelichting", blank=True)
    datum = models.DateTimeField("datum", default=timezone.now)

    class Meta:
        abstract = True


class Participatieadvies(Voorstel):
    """Step I: the trekker's two checks and the advice whether the activity is taken up through participation."""

    activiteit = models.ForeignKey(
        Activiteit, verbose_name="activiteit", on_delete=models.CASCADE, related_name="participatieadviezen"
    )
    check_randvoorwaarden = models.TextField(
        "check op randvoorwaarden voor bewonersparticipatie",
        help_text="Uit het denkkader participatie van de gemeente Hengelo.",
    )
    check_zakelijk_partnerschap = models.TextField("check op traject van zakelijk partnerschap")
    participatie_zinvol = models.BooleanField("participatie zinvol")
    onderbouwing = models.TextField("afweging en onderbouwing")
    history = HistoricalRecords()

    class Meta:
        ordering = ["activiteit", "-ingediend_op", "-pk"]
        verbose_name = "participatie-advies"
        verbose_name_plural = "participatie-adviezen"

    def __str__(self):
        return f"Participatie-advies {self.activiteit} ({self.ingediend_op:%d-%m-%Y})"


class ParticipatieadviesBesluit(Voorstelbesluit):
    """One role's decision on a participatie-advies (the shape actielijnen/besluitvorming.py expects)."""

    advies = models.ForeignKey(
        Participatieadvies, verbose_name="advies", on_delete=models.CASCADE, related_name="besluiten"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["datum"]
        verbose_name = "besluit over een participatie-advies"
        verbose_name_plural = "besluiten over participatie-adviezen"
        constraints = [
            models.UniqueConstraint(fields=["advies", "rol"], name="participatieadvies_een_per_rol")
        ]

    def __str__(self):
        return f"{'Akkoord' if self.akkoord else 'Niet akkoord'} ({self.rol}) op {self.advies}"


class Participatieplan(Voorstel):
    """Step II: the plan van aanpak, part of the opdrachtbeschrijving, offered to the opdrachtgever for akkoord."""

    activiteit = models.ForeignKey(
        Activiteit, verbose_name="activiteit", on_delete=models.CASCADE, related_name="participatieplannen"
    )
    doel = models.TextField("doel van de participatie")
    doelgroep = models.TextField("doelgroep en belanghebbenden")
    aanpak = models.TextField("aanpak en middelen")
    planning = models.TextField("planning")
    history = HistoricalRecords()

    class Meta:
        ordering = ["activiteit", "-ingediend_op", "-pk"]
        verbose_name = "plan van aanpak participatie"
        verbose_name_plural = "plannen van aanpak participatie"

    def __str__(self):
        return f"Plan van aanpak participatie {self.activiteit} ({self.ingediend_op:%d-%m-%Y})"


class ParticipatieplanBesluit(Voorstelbesluit):
    plan = models.ForeignKey(
        Participatieplan, verbose_name="plan van aanpak", on_delete=models.CASCADE, related_name="besluiten"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["datum"]
        verbose_name = "besluit over een plan van aanpak participatie"
        verbose_name_plural = "besluiten over plannen van aanpak participatie"
        constraints = [models.UniqueConstraint(fields=["plan", "rol"], name="participatieplan_een_per_rol")]

    def __str__(self):
        return f"{'Akkoord' if self.akkoord else 'Niet akkoord'} ({self.rol}) op {self.plan}"


class Evaluatie(Voorbeeldherkomst):
    """Step IV: an interim evaluation of one activity's participation, or of the whole (`activiteit` empty)."""

    activiteit = models.ForeignKey(
        Activiteit,
        verbose_name="activiteit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="participatie_evaluaties",
        help_text="Leeg: een evaluatie van het geheel.",
    )
    datum = models.DateField("datum")
    bevindingen = models.TextField("bevindingen")
    bijstellingen = models.TextField("bijstellingen", help_text="Wat er aan de aanpak verandert.")
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = "tussentijdse evaluatie"
        verbose_name_plural = "tussentijdse evaluaties"

    def __str__(self):
        onderwerp = self.activiteit or "het geheel"
        return f"Evaluatie {onderwerp} ({self.datum:%d-%m-%Y})"
