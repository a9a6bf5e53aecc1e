from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

from simple_history.admin import SimpleHistoryAdmin

from bronnen.models import Brondocument, Datakwaliteitsnotitie


class DatakwaliteitInline(GenericTabularInline):
    """Data-quality notes shown on every object they concern (any app's admin may add it to its inlines)."""

    model = Datakwaliteitsnotitie
    extra = 0
    fields = ("ernst", "betreft", "citaat", "bron", "toelichting")
    verbose_name = "datakwaliteitsnotitie"
    verbose_name_plural = "datakwaliteitsnotities"


@admin.register(Datakwaliteitsnotitie)
class DatakwaliteitsnotitieAdmin(SimpleHistoryAdmin):
    list_display = ("betreft", "onderwerp", "ernst", "bron")
    list_filter = ("ernst", "content_type")
    search_fields = ("betreft", "citaat", "toelichting", "bron")


@admin.register(Brondocument)
class BrondocumentAdmin(SimpleHistoryAdmin):
    list_display = ("code", "korte_naam", "datum", "briefdatum", "zaaknummer", "besluitdatum")
    search_fields = ("code", "korte_naam", "titel", "zaaknummer")
    inlines = [DatakwaliteitInline]
