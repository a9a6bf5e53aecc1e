"""Admin for editions (read-only once published; the workflow runs on the pages) and for moties."""

from django.contrib import admin

from bronnen.admin import ProgrammaAdmin
from rapportage.models import Exportbestand, Motie, Rapportage, Statusovergang


class StatusovergangInline(admin.TabularInline):
    model = Statusovergang
    extra = 0
    can_delete = False
    readonly_fields = ("van", "naar", "door", "op")

    def has_add_permission(self, request, obj=None):
        return False


class ExportbestandInline(admin.TabularInline):
    model = Exportbestand
    extra = 0
    can_delete = False
    fields = ("soort", "bestandsnaam", "sha256", "gemaakt_op")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Rapportage)
class RapportageAdmin(ProgrammaAdmin):
    """Editions are made and moved through their workflow on the pages (services); here only to look up."""

    list_display = ("titel", "pc_moment", "jaar", "peildatum", "versie", "status", "gepubliceerd_op")
    list_filter = ("status", "pc_moment", "jaar")
    search_fields = ("titel", "zaaknummer")
    readonly_fields = (
        "pc_moment",
        "jaar",
        "titel",
        "peildatum",
        "zaaknummer",
        "status",
        "versie",
        "vervangt",
        "toelichtingen",
        "aangemaakt_door",
        "aangemaakt_op",
        "gepubliceerd_op",
    )
    exclude = ("inhoud",)
    inlines = [StatusovergangInline, ExportbestandInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # View only: the workflow runs on the pages, and frozen editions refuse every change.
        return False


@admin.register(Motie)
class MotieAdmin(ProgrammaAdmin):
    list_display = ("nummer", "soort", "titel", "datum", "status")
    list_filter = ("soort", "status")
    search_fields = ("nummer", "titel", "tekst")
    filter_horizontal = ("activiteiten", "indicatoren")
    date_hierarchy = "datum"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.geregistreerd_door = request.user
        super().save_model(request, obj, form, change)

    def get_exclude(self, request, obj=None):
        return ("geregistreerd_door",)
