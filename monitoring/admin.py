from django.contrib import admin

from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from bronnen.admin import DatakwaliteitInline
from monitoring.models import (
    Bedrag,
    Doel,
    Import,
    Indicator,
    Informatieniveau,
    Kerncijfer,
    Meting,
    Piramidestand,
    Scenario,
    Vergelijkingsgebied,
    Wijk,
)
from monitoring.permissions import mag_exporteren, mag_importeren
from monitoring.resources import MetingResource


class MetingInline(admin.TabularInline):
    model = Meting
    extra = 0
    fields = ("periode", "soort", "wijk", "waarde", "status", "bron")
    ordering = ("soort", "periode_begin")
    autocomplete_fields = ("wijk",)


@admin.register(Doel)
class DoelAdmin(SimpleHistoryAdmin):
    list_display = ("code", "omschrijving", "ouder")
    search_fields = ("code", "omschrijving")
    inlines = [DatakwaliteitInline]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ("code", "naam", "doel", "eenheid", "richting", "fitgap")
    list_filter = ("doel", "eenheid", "richting", "soort", "fitgap", "niveaus")
    search_fields = ("code", "naam")
    filter_horizontal = ("niveaus", "activiteiten")
    inlines = [MetingInline, DatakwaliteitInline]


@admin.register(Meting)
class MetingAdmin(ImportExportMixin, SimpleHistoryAdmin):
    """Import through django-import-export, validated by the same rules as the data-team page."""

    resource_classes = [MetingResource]
    list_display = (
        "indicator",
        "periode",
        "soort",
        "wijk",
        "gebied",
        "waarde",
        "status",
        "bron",
        "via_import",
    )
    list_filter = ("soort", "status", "wijk", "gebied", "indicator__doel")
    search_fields = ("indicator__code", "indicator__naam", "periode", "bron")
    list_select_related = ("indicator", "wijk", "gebied", "via_import")
    autocomplete_fields = ("indicator", "wijk")
    readonly_fields = ("via_import",)

    def has_import_permission(self, request):
        return mag_importeren(request.user)

    def has_export_permission(self, request):
        return mag_exporteren(request.user)


@admin.register(Wijk)
class WijkAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "cbs_code")
    search_fields = ("naam", "cbs_code")


@admin.register(Informatieniveau)
class InformatieniveauAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "proces", "type_indicatoren", "bronnen")


@admin.register(Vergelijkingsgebied)
class VergelijkingsgebiedAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "cbs_code", "soort")
    search_fields = ("naam", "cbs_code")


@admin.register(Import)
class ImportAdmin(admin.ModelAdmin):
    list_display = (
        "tijdstip",
        "gebruiker",
        "bestandsnaam",
        "aantal_nieuw",
        "aantal_gewijzigd",
        "ongedaan_op",
    )
    readonly_fields = [f.name for f in Import._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Scenario)
class ScenarioAdmin(SimpleHistoryAdmin):
    list_display = ("nummer", "naam", "bron")
    inlines = [DatakwaliteitInline]


@admin.register(Bedrag)
class BedragAdmin(SimpleHistoryAdmin):
    list_display = ("sleutel", "soort", "domein", "jaar", "scenario", "bedrag", "bron")
    list_filter = ("soort", "domein", "jaar", "scenario")
    search_fields = ("sleutel", "toelichting", "bron")
    inlines = [DatakwaliteitInline]


@admin.register(Piramidestand)
class PiramidestandAdmin(SimpleHistoryAdmin):
    list_display = ("periode", "modellaag", "aantal_clienten", "bron")
    list_filter = ("modellaag",)


@admin.register(Kerncijfer)
class KerncijferAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "onderwerp", "periode", "waarde", "eenheid", "telt_personen", "bron")
    list_filter = ("onderwerp", "domein")
    inlines = [DatakwaliteitInline]
