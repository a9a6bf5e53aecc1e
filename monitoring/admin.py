from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

from simple_history.admin import SimpleHistoryAdmin

from monitoring.models import Datakwaliteitsnotitie, Doel, Indicator, Informatieniveau, Meting, Wijk


class DatakwaliteitInline(GenericTabularInline):
    """Data-quality notes shown on every object they concern."""

    model = Datakwaliteitsnotitie
    extra = 0
    fields = ("ernst", "betreft", "citaat", "bron", "toelichting")
    verbose_name = "datakwaliteitsnotitie"
    verbose_name_plural = "datakwaliteitsnotities"


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
class MetingAdmin(SimpleHistoryAdmin):
    list_display = ("indicator", "periode", "soort", "wijk", "waarde", "status", "bron")
    list_filter = ("soort", "status", "wijk", "indicator__doel")
    search_fields = ("indicator__code", "indicator__naam", "periode", "bron")
    list_select_related = ("indicator", "wijk")
    autocomplete_fields = ("indicator", "wijk")


@admin.register(Wijk)
class WijkAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "cbs_code")
    search_fields = ("naam", "cbs_code")


@admin.register(Informatieniveau)
class InformatieniveauAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "proces", "type_indicatoren", "bronnen")


@admin.register(Datakwaliteitsnotitie)
class DatakwaliteitsnotitieAdmin(SimpleHistoryAdmin):
    list_display = ("betreft", "onderwerp", "ernst", "bron")
    list_filter = ("ernst", "content_type")
    search_fields = ("betreft", "citaat", "toelichting", "bron")
