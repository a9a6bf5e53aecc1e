from django.contrib import admin

from simple_history.admin import SimpleHistoryAdmin

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
from bronnen.admin import DatakwaliteitInline


class ActiviteitInline(admin.TabularInline):
    model = Activiteit
    extra = 0
    fields = ("code", "naam", "status", "rag", "trekker")
    readonly_fields = fields
    show_change_link = True
    can_delete = False


@admin.register(Actielijn)
class ActielijnAdmin(SimpleHistoryAdmin):
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


class RisicoInline(admin.TabularInline):
    model = Risico
    fk_name = "activiteit"
    extra = 0
    fields = ("omschrijving", "basisrisico", "kans", "impact", "beheersmaatregel", "eigenaar", "status")
    autocomplete_fields = ("basisrisico", "eigenaar")


class VoortgangsrapportageInline(admin.StackedInline):
    model = Voortgangsrapportage
    extra = 0
    fields = (
        ("datum", "periode", "auteur"),
        ("rag", "percentage_gereed", "fase"),
        "toelichting",
        "knelpunten",
        ("besluit_nodig", "besluit_omschrijving"),
        "verhalen",
    )
    autocomplete_fields = ("auteur",)
    ordering = ("-datum",)


class OpdrachtbeschrijvingInline(admin.StackedInline):
    model = Opdrachtbeschrijving
    extra = 0
    can_delete = False
    fields = ("status", *Opdrachtbeschrijving.ONDERDELEN, "vastgesteld_door", "vastgesteld_op")
    autocomplete_fields = ("vastgesteld_door",)


@admin.register(Activiteit)
class ActiviteitAdmin(SimpleHistoryAdmin):
    list_display = ("code", "naam", "actielijn", "status", "rag", "fase", "trekker", "opdrachtgever")
    list_display_links = ("code", "naam")
    list_filter = ("actielijn", "themas", "status", "rag", "fase", "trekker")
    search_fields = ("code", "naam", "alternatieve_namen", "sleutel")
    list_select_related = ("actielijn", "trekker", "opdrachtgever")
    filter_horizontal = ("themas", "afhankelijk_van")
    autocomplete_fields = ("trekker", "opdrachtgever", "opdrachtnemer", "opgavecoordinator")
    readonly_fields = ("sleutel", "bron")
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
class ThemaAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "bron")


class BesparingEnInvesteringInline(admin.TabularInline):
    model = BesparingEnInvestering
    extra = 0


@admin.register(Opdrachtbeschrijving)
class OpdrachtbeschrijvingAdmin(SimpleHistoryAdmin):
    list_display = ("activiteit", "status", "vastgesteld_door", "vastgesteld_op")
    list_filter = ("status", "activiteit__actielijn")
    search_fields = ("activiteit__naam", "activiteit__code")
    list_select_related = ("activiteit", "vastgesteld_door")
    inlines = [BesparingEnInvesteringInline]


class RisicoWijzigingInline(admin.TabularInline):
    model = RisicoWijziging
    extra = 0
    fields = ("datum", "soort", "toelichting", "kans", "impact", "bron")


@admin.register(Risico)
class RisicoAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "categorie", "activiteit", "kans", "impact", "score", "status")
    list_filter = ("categorie", "status", "activiteit__actielijn")
    search_fields = ("code", "omschrijving", "toelichting")
    list_select_related = ("activiteit",)
    autocomplete_fields = ("activiteit", "basisrisico", "eigenaar")
    inlines = [RisicoWijzigingInline, DatakwaliteitInline]

    @admin.display(description="score (kans × impact)")
    def score(self, obj):
        return obj.score


@admin.register(Voortgangsrapportage)
class VoortgangsrapportageAdmin(SimpleHistoryAdmin):
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
    autocomplete_fields = ("activiteit", "auteur")


@admin.register(Mijlpaal)
class MijlpaalAdmin(SimpleHistoryAdmin):
    list_display = ("omschrijving", "activiteit", "datum_gepland", "datum_bereikt")
    list_filter = ("activiteit__actielijn",)
    search_fields = ("omschrijving", "activiteit__naam")
    list_select_related = ("activiteit",)
    autocomplete_fields = ("activiteit",)


class PlanningswijzigingAkkoordInline(admin.TabularInline):
    model = PlanningswijzigingAkkoord
    extra = 0
    autocomplete_fields = ("gebruiker",)


@admin.register(Planningswijziging)
class PlanningswijzigingAdmin(SimpleHistoryAdmin):
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
    autocomplete_fields = ("activiteit", "aangevraagd_door")
    inlines = [PlanningswijzigingAkkoordInline]


@admin.register(RisicoWijziging)
class RisicoWijzigingAdmin(SimpleHistoryAdmin):
    list_display = ("risico", "datum", "soort", "bron")
    list_filter = ("soort",)
    list_select_related = ("risico",)


@admin.register(Modellaag)
class ModellaagAdmin(SimpleHistoryAdmin):
    list_display = ("volgorde", "naam")


@admin.register(Kenmerk)
class KenmerkAdmin(SimpleHistoryAdmin):
    list_display = ("nummer", "naam")


@admin.register(Jaarsamenvatting)
class JaarsamenvattingAdmin(SimpleHistoryAdmin):
    list_display = ("activiteit", "jaar", "auteur", "bijgewerkt_op")
    list_filter = ("jaar", "activiteit__actielijn")
    search_fields = ("activiteit__naam", "samenvatting")
    list_select_related = ("activiteit", "auteur")
    autocomplete_fields = ("activiteit", "auteur")


@admin.register(Herinnering)
class HerinneringAdmin(admin.ModelAdmin):
    """Sent reminders: a log, read-only."""

    list_display = ("activiteit", "ontvanger", "soort", "vervaldatum", "verzonden_op")
    list_filter = ("soort",)
    list_select_related = ("activiteit", "ontvanger")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
