"""The programme as the uitvoeringsplan describes it: Nieuw Hengelo's Model, actielijnen, activiteiten, thema's."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse

from simple_history.models import HistoricalRecords

from actielijnen.constants import ActiviteitStatus, Fase, RagStatus
from bronnen.velden import BronVeld
from kern.herkomst import Voorbeeldherkomst
from kern.notatie import kwartaal_begin, kwartaal_valideren

BRON_HELP = "Vindplaats in de brondocumenten, bijvoorbeeld '000 §2.1'."


class Modellaag(models.Model):
    """A layer of the Nieuw Hengelo's Model (§6.1): sociale basis, basisondersteuning, maatwerkondersteuning."""

    code = models.SlugField("code", unique=True)
    naam = models.CharField("naam", max_length=100)
    volgorde = models.PositiveSmallIntegerField("volgorde")
    beschrijving = models.TextField("beschrijving")
    bron = BronVeld(help_text=BRON_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = "laag van het Nieuw Hengelo's Model"
        verbose_name_plural = "lagen van het Nieuw Hengelo's Model"

    def __str__(self):
        return self.naam


class Kenmerk(models.Model):
    """One of the four kenmerken of the Nieuw Hengelo's Model (§6.1)."""

    nummer = models.PositiveSmallIntegerField("nummer", unique=True)
    naam = models.CharField("naam", max_length=100)
    beschrijving = models.TextField("beschrijving")
    bron = BronVeld(help_text=BRON_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["nummer"]
        verbose_name = "kenmerk van het Nieuw Hengelo's Model"
        verbose_name_plural = "kenmerken van het Nieuw Hengelo's Model"

    def __str__(self):
        return f"{self.nummer}. {self.naam}"


class Actielijn(models.Model):
    nummer = models.PositiveSmallIntegerField("nummer", unique=True)
    naam = models.CharField("naam", max_length=200)
    beschrijving = models.TextField("beschrijving")
    modellaag = models.ForeignKey(
        Modellaag,
        verbose_name="laag van het Nieuw Hengelo's Model",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actielijnen",
        help_text="De laag van het model waarop deze actielijn aangrijpt; leeg als het plan "
        "geen enkele laag noemt.",
    )
    bron = BronVeld(help_text=BRON_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["nummer"]
        verbose_name = "actielijn"
        verbose_name_plural = "actielijnen"

    def __str__(self):
        return f"{self.nummer}. {self.naam}"


class Thema(models.Model):
    """An overarching theme (§2.3): Zakelijk partnerschap, Wijkgericht werken."""

    code = models.SlugField("code", unique=True)
    naam = models.CharField("naam", max_length=100)
    beschrijving = models.TextField("beschrijving", blank=True)
    bron = BronVeld(help_text=BRON_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["naam"]
        verbose_name = "overkoepelend thema"
        verbose_name_plural = "overkoepelende thema's"

    def __str__(self):
        return self.naam


class ActiviteitQuerySet(models.QuerySet):
    def op_agenda(self):
        """The 25 activities on the uitvoeringsagenda 2023 (§3): they carry an agenda code."""
        return self.exclude(code="")

    def niet_op_agenda(self):
        """The activities of §2.1 that are not on the agenda 2023: they do not run yet."""
        return self.filter(code="")

    def met_relaties(self):
        return self.select_related(
            "actielijn", "trekker", "opdrachtgever", "opdrachtnemer", "opgavecoordinator"
        )

    # Access rules live in actielijnen/permissions.py; these methods only make them chainable.
    def visible_to(self, user):
        from actielijnen.permissions import activiteiten_zichtbaar_voor

        return activiteiten_zichtbaar_voor(self, user)

    def editable_by(self, user):
        from actielijnen.permissions import activiteiten_bewerkbaar_door

        return activiteiten_bewerkbaar_door(self, user)


class Activiteit(Voorbeeldherkomst):
    """An activity of an actielijn (§2.1); 25 of them carry a code on the uitvoeringsagenda 2023 (§3)."""

    sleutel = models.SlugField(
        "sleutel",
        max_length=100,
        unique=True,
        help_text="Vaste sleutel, ook voor activiteiten zonder agendacode.",
    )
    naam = models.CharField("naam", max_length=200)
    alternatieve_namen = models.JSONField(
        "alternatieve schrijfwijzen",
        default=list,
        blank=True,
        help_text="Namen waaronder de activiteit elders in de documenten staat (bijv. 'Gelddalie').",
    )
    actielijn = models.ForeignKey(
        Actielijn, verbose_name="actielijn", on_delete=models.PROTECT, related_name="activiteiten"
    )
    volgorde = models.PositiveSmallIntegerField("volgorde in §2.1")
    code = models.CharField(
        "code uitvoeringsagenda 2023",
        max_length=5,
        blank=True,
        help_text="Code 1.1–4.7 uit §3; leeg voor activiteiten die niet op de agenda 2023 staan.",
    )
    status = models.CharField(
        "status", max_length=20, choices=ActiviteitStatus, default=ActiviteitStatus.ONBEKEND
    )
    rag = models.CharField("stoplichtkleur", max_length=10, choices=RagStatus, blank=True)
    fase = models.CharField("fase", max_length=30, choices=Fase, blank=True)
    geplande_start = models.CharField(
        "geplande start",
        max_length=7,
        blank=True,
        validators=[kwartaal_valideren],
        help_text="Kwartaal, bijv. 2023-Q1",
    )
    gepland_einde = models.CharField(
        "gepland einde",
        max_length=7,
        blank=True,
        validators=[kwartaal_valideren],
        help_text="Kwartaal, bijv. 2024-Q4",
    )
    trekker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="trekker (actiehouder)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten_als_trekker",
    )
    opdrachtgever = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="opdrachtgever",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten_als_opdrachtgever",
    )
    opdrachtnemer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="opdrachtnemer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten_als_opdrachtnemer",
    )
    opgavecoordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="opgavecoördinator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten_als_opgavecoordinator",
    )
    afhankelijk_van = models.ManyToManyField(
        "self",
        verbose_name="afhankelijk van",
        symmetrical=False,
        blank=True,
        related_name="voorwaarde_voor",
        help_text="Afhankelijkheid en/of volgorde van andere opdrachten (§3).",
    )
    themas = models.ManyToManyField(
        Thema, verbose_name="overkoepelende thema's", blank=True, related_name="activiteiten"
    )
    update_ritme_dagen = models.PositiveSmallIntegerField(
        "updateritme (dagen)", default=30, help_text="Hoe vaak de trekker een voortgangsrapportage geeft."
    )
    bron = BronVeld(help_text=BRON_HELP)
    history = HistoricalRecords(m2m_fields=[themas])

    objects = ActiviteitQuerySet.as_manager()

    class Meta:
        ordering = ["actielijn__nummer", "volgorde"]
        verbose_name = "activiteit"
        verbose_name_plural = "activiteiten"
        # The levels of the informatiepiramide (§5.3); accounts.permissions maps each level to one of these.
        permissions = [
            ("view_uitvoering", "Mag het niveau Uitvoering (activiteiten en updates) openen"),
            ("view_management", "Mag het managementdashboard openen"),
            ("view_college", "Mag het collegeoverzicht openen"),
            ("view_raad", "Mag het raadsoverzicht openen"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~models.Q(code=""), name="activiteit_agendacode_uniek"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.naam}" if self.code else self.naam

    def get_absolute_url(self):
        return reverse("actielijnen:activiteit_detail", kwargs={"sleutel": self.sleutel})

    @property
    def op_agenda_2023(self) -> bool:
        """On the uitvoeringsagenda 2023 (§3). Only these activities run: the others are not counted in totals,
        expect no updates and get no reminders."""
        return bool(self.code)

    @property
    def is_meerjarig(self) -> bool:
        """Planned over more than one calendar year: it keeps a yearly summary beside its updates."""
        return bool(self.geplande_start and self.gepland_einde) and (
            self.geplande_start[:4] != self.gepland_einde[:4]
        )

    def startdatum_voor_ritme(self) -> date | None:
        """Where the update rhythm starts before the first update: the first day of the planned start quarter.

        None when no start is planned: the plan gives no date, so no update is expected until the first one
        (after which the rhythm runs from the latest update). Never the programme's first day for all
        activities, which made every activity overdue from 31 January 2023 on.
        """
        if self.geplande_start:
            return kwartaal_begin(self.geplande_start)
        return None

    def volgende_update_op(self, laatste_update: date | None) -> date | None:
        """The date the next progress update is due: the latest update (or the activity's own start) plus the
        rhythm. None when no update is expected: off the agenda 2023, or no start and no update yet."""
        if not self.op_agenda_2023:
            return None
        begin = laatste_update or self.startdatum_voor_ritme()
        if begin is None:
            return None
        return begin + timedelta(days=self.update_ritme_dagen)
