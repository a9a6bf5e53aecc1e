from django import forms
from django.contrib import admin

from actielijnen import services
from actielijnen.constants import OpdrachtbeschrijvingStatus
from actielijnen.models import (
    Actielijn,
    Activiteit,
    BesparingEnInvestering,
    Herinnering,
    Jaarsamenvatting,
    Kenmerk,
    Mijlpaal,
    Modellaag,
    Opdrachtbeschrijving,
    Planningswijziging,
    PlanningswijzigingAkkoord,
    Risico,
    RisicoWijziging,
    Thema,
    Voortgangsrapportage,
)
from actielijnen.permissions import mag_bewerken
from bronnen.admin import DatakwaliteitInline, ProgrammaAdmin, VeiligeLijstMixin


class ActiviteitInline(admin.TabularInline):
    model = Activiteit
    extra = 0
    fields = ("code", "naam", "status", "rag", "trekker")
    readonly_fields = fields
    show_change_link = True
    can_delete = False


@admin.register(Actielijn)
class ActielijnAdmin(ProgrammaAdmin):
    list_display = ("nummer", "naam", "modellaag", "aantal_activiteiten")
    search_fields = ("naam", "beschrijving")
    inlines = [ActiviteitInline, DatakwaliteitInline]

    def get_queryset(self, request):
        from django.db.models import Count

        return (
            super().get_queryset(request).select_related("modellaag").annotate(_aantal=Count("activiteiten"))
        )

    @admin.display(description="activiteiten", ordering="_aantal")
    def aantal_activiteiten(self, obj):
        return obj._aantal


class MijlpaalInline(admin.TabularInline):
    model = Mijlpaal
    extra = 0


class AlleenLezenInline(admin.TabularInline):
    """Rows that change only through their own rules (a service, a log, a decision): shown, not edited here."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RisicoInline(AlleenLezenInline):
    """Changed on the risk's own page (admin or activity page), where the reason goes into the risk log."""

    model = Risico
    fk_name = "activiteit"
    fields = ("omschrijving", "basisrisico", "kans", "impact", "beheersmaatregel", "eigenaar", "status")


class VoortgangsrapportageInline(AlleenLezenInline):
    """Updates are a log: a correction is a new update (on the activity page), never an edited old one."""

    model = Voortgangsrapportage
    fields = ("datum", "periode", "auteur", "rag", "percentage_gereed", "fase", "besluit_nodig")
    ordering = ("-datum",)


class OpdrachtbeschrijvingInline(admin.StackedInline):
    """Its text is written and set on the opdrachtbeschrijving's own admin page, through the services."""

    model = Opdrachtbeschrijving
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ("status", *Opdrachtbeschrijving.ONDERDELEN, "vastgesteld_door", "vastgesteld_op")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Activiteit)
class ActiviteitAdmin(ProgrammaAdmin):
    list_display = ("code", "naam", "actielijn", "status", "rag", "fase", "trekker", "opdrachtgever")
    list_display_links = ("code", "naam")
    list_filter = ("actielijn", "themas", "status", "rag", "fase", "trekker")
    search_fields = ("code", "naam", "alternatieve_namen", "sleutel")
    list_select_related = ("actielijn", "trekker", "opdrachtgever")
    filter_horizontal = ("themas", "afhankelijk_van")
    autocomplete_fields = ("trekker", "opdrachtgever", "opdrachtnemer", "opgavecoordinator")
    # The planning changes only by a planningswijziging that opdrachtgever, opdrachtnemer and opgavecoördinator
    # all approved (§2.2, actielijnen.services.planningswijziging_akkoord_geven), never by editing it here.
    readonly_fields = ("sleutel", "bron", "geplande_start", "gepland_einde")
    fieldsets = (
        (
            None,
            {"fields": ("sleutel", "naam", "alternatieve_namen", "actielijn", "volgorde", "code", "bron")},
        ),
        (
            "Stand van zaken",
            {"fields": ("status", "rag", "fase", "geplande_start", "gepland_einde", "update_ritme_dagen")},
        ),
        ("Rollen", {"fields": ("trekker", "opdrachtgever", "opdrachtnemer", "opgavecoordinator")}),
        ("Samenhang", {"fields": ("themas", "afhankelijk_van")}),
    )
    inlines = [
        OpdrachtbeschrijvingInline,
        MijlpaalInline,
        RisicoInline,
        VoortgangsrapportageInline,
        DatakwaliteitInline,
    ]

    # The same access rules as the pages (actielijnen/permissions.py).
    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_change_permission(self, request, obj=None):
        if obj is not None and not mag_bewerken(request.user, obj):
            return False
        return super().has_change_permission(request, obj)


@admin.register(Thema)
class ThemaAdmin(ProgrammaAdmin):
    list_display = ("naam", "bron")


class BesparingEnInvesteringInline(admin.TabularInline):
    model = BesparingEnInvestering
    extra = 0


@admin.register(Opdrachtbeschrijving)
class OpdrachtbeschrijvingAdmin(ProgrammaAdmin):
    list_display = ("activiteit", "status", "vastgesteld_door", "vastgesteld_op")
    list_filter = ("status", "activiteit__actielijn")
    search_fields = ("activiteit__naam", "activiteit__code")
    list_select_related = ("activiteit", "vastgesteld_door")
    inlines = [BesparingEnInvesteringInline]

    def get_readonly_fields(self, request, obj=None):
        # Its status moves only on the pages: the trekker offers it, the activity's own opdrachtgever sets it
        # (actielijnen.services); once vastgesteld, its text is fixed as well.
        velden = ["activiteit", "status", "vastgesteld_door", "vastgesteld_op"]
        if obj is not None and obj.status == OpdrachtbeschrijvingStatus.VASTGESTELD:
            velden += list(Opdrachtbeschrijving.ONDERDELEN)
        return velden

    def has_add_permission(self, request):
        # Every activity gets its opdrachtbeschrijving when the programme is loaded.
        return False

    def save_model(self, request, obj, form, change):
        # The same service as the trekker's form: refused once vastgesteld, and a changed text goes back to
        # concept (an opdrachtgever decides on the text they were offered, not on a later one).
        if form.has_changed():
            services.opdrachtbeschrijving_bijwerken(
                opdrachtbeschrijving=obj,
                door=request.user,
                **{
                    naam: getattr(obj, naam)
                    for naam in Opdrachtbeschrijving.ONDERDELEN
                    if naam in form.fields
                },
            )


class RisicoWijzigingInline(AlleenLezenInline):
    """The risk log: appended by every change of the risk, never edited."""

    model = RisicoWijziging
    show_change_link = False
    fields = ("datum", "soort", "toelichting", "kans", "impact", "auteur", "bron")


class RisicoAdminForm(forms.ModelForm):
    reden = forms.CharField(
        label="Reden van de wijziging",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Komt in het risicolog, zoals bij een wijziging op de activiteitpagina.",
    )

    class Meta:
        model = Risico
        fields = [
            "code",
            "sleutel",
            "categorie",
            "omschrijving",
            "toelichting",
            "activiteit",
            "basisrisico",
            "kans",
            "impact",
            "beheersmaatregel",
            "eigenaar",
            "status",
            "bron",
        ]

    def clean(self):
        data = super().clean()
        if self.instance.pk and not data.get("reden", "").strip():
            self.add_error("reden", "Geef de reden van de wijziging: die komt in het risicolog.")
        return data


@admin.register(Risico)
class RisicoAdmin(ProgrammaAdmin):
    """A change here writes the risk log like the activity page does (actielijnen.services.risicolog_aanvullen)."""

    form = RisicoAdminForm
    list_display = ("__str__", "categorie", "activiteit", "kans", "impact", "score", "status")
    list_filter = ("categorie", "status", "activiteit__actielijn")
    search_fields = ("code", "omschrijving", "toelichting")
    list_select_related = ("activiteit",)
    autocomplete_fields = ("activiteit", "basisrisico", "eigenaar")
    inlines = [RisicoWijzigingInline, DatakwaliteitInline]

    @admin.display(description="score (kans × impact)")
    def score(self, obj):
        return obj.score

    def save_model(self, request, obj, form, change):
        # changeform_view runs in one transaction: the old score is read under the same lock as the save.
        oude_score = Risico.objects.select_for_update().get(pk=obj.pk).score if change else None
        super().save_model(request, obj, form, change)
        reden = form.cleaned_data.get("reden", "").strip() or "Risico vastgelegd in het beheer."
        services.risicolog_aanvullen(risico=obj, oude_score=oude_score, auteur=request.user, reden=reden)


@admin.register(Voortgangsrapportage)
class VoortgangsrapportageAdmin(ProgrammaAdmin):
    list_display = (
        "activiteit",
        "datum",
        "periode",
        "rag",
        "percentage_gereed",
        "fase",
        "besluit_nodig",
        "auteur",
    )
    list_filter = ("rag", "fase", "besluit_nodig", "activiteit__actielijn")
    search_fields = ("activiteit__naam", "toelichting", "knelpunten")
    list_select_related = ("activiteit", "auteur")
    date_hierarchy = "datum"

    # A log: written by the trekker's update on the activity page (which also carries RAG, fase and status onto
    # the activity); a correction is a new update.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Mijlpaal)
class MijlpaalAdmin(ProgrammaAdmin):
    list_display = ("omschrijving", "activiteit", "datum_gepland", "datum_bereikt")
    list_filter = ("activiteit__actielijn",)
    search_fields = ("omschrijving", "activiteit__naam")
    list_select_related = ("activiteit",)
    autocomplete_fields = ("activiteit",)


class PlanningswijzigingAkkoordInline(AlleenLezenInline):
    model = PlanningswijzigingAkkoord
    show_change_link = False


@admin.register(Planningswijziging)
class PlanningswijzigingAdmin(ProgrammaAdmin):
    list_display = (
        "activiteit",
        "aangevraagd_door",
        "aangevraagd_op",
        "nieuwe_start",
        "nieuw_einde",
        "status",
    )
    list_filter = ("status",)
    list_select_related = ("activiteit", "aangevraagd_door")
    inlines = [PlanningswijzigingAkkoordInline]

    # Requested by the trekker and decided by the three roles of §2.2 on the pages; here only to look up.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RisicoWijziging)
class RisicoWijzigingAdmin(ProgrammaAdmin):
    list_display = ("risico", "datum", "soort", "bron")
    list_filter = ("soort",)
    list_select_related = ("risico",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Modellaag)
class ModellaagAdmin(ProgrammaAdmin):
    list_display = ("volgorde", "naam")


@admin.register(Kenmerk)
class KenmerkAdmin(ProgrammaAdmin):
    list_display = ("nummer", "naam")


@admin.register(Jaarsamenvatting)
class JaarsamenvattingAdmin(ProgrammaAdmin):
    list_display = ("activiteit", "jaar", "auteur", "bijgewerkt_op")
    list_filter = ("jaar", "activiteit__actielijn")
    search_fields = ("activiteit__naam", "samenvatting")
    list_select_related = ("activiteit", "auteur")
    autocomplete_fields = ("activiteit", "auteur")


@admin.register(Herinnering)
class HerinneringAdmin(VeiligeLijstMixin, admin.ModelAdmin):
    """Sent reminders: a log, read-only."""

    list_display = ("activiteit", "ontvanger", "soort", "vervaldatum", "verzonden_op")
    list_filter = ("soort",)
    list_select_related = ("activiteit", "ontvanger")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # The log is what makes each reminder go out once per due date.
        return False
