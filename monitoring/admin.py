from contextlib import suppress

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.paginator import Paginator
from django.db import connection
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST

from import_export.admin import ImportExportMixin

from bronnen.admin import DatakwaliteitInline, ProgrammaAdmin, VeiligeLijstMixin
from monitoring import services
from monitoring.excelgrens import ExcelGrensExportMixin
from monitoring.forms import MetingImportForm
from monitoring.importbestand import OngeldigBestand
from monitoring.models import (
    AndereBronwaarde,
    Bedrag,
    Databedrevenheidspijler,
    Doel,
    Import,
    Indicator,
    Informatieniveau,
    Kerncijfer,
    Meting,
    Pijlerelement,
    Piramidestand,
    Scenario,
    Scenariototaal,
    Vergelijkingsgebied,
    Wijk,
)
from monitoring.permissions import mag_exporteren, mag_importeren
from monitoring.resources import IMPORTFORMATEN, MetingResource


class MetingInline(admin.TabularInline):
    model = Meting
    extra = 0
    fields = ("periode", "soort", "wijk", "waarde", "status", "bron")
    ordering = ("soort", "periode_begin")
    autocomplete_fields = ("wijk",)


class AndereBronwaardeInline(admin.TabularInline):
    """What another source prints for the same meting (a conflict between sources), beside the stored value."""

    model = AndereBronwaarde
    extra = 0
    fields = ("brondocument", "bron", "cel", "waarde", "decimalen", "is_conflict")


@admin.register(Doel)
class DoelAdmin(ProgrammaAdmin):
    list_display = ("code", "omschrijving", "ouder")
    search_fields = ("code", "omschrijving")
    inlines = [DatakwaliteitInline]


@admin.register(Indicator)
class IndicatorAdmin(ProgrammaAdmin):
    list_display = ("code", "naam", "doel", "eenheid", "richting", "fitgap")
    list_filter = ("doel", "eenheid", "richting", "soort", "fitgap", "niveaus")
    search_fields = ("code", "naam")
    filter_horizontal = ("niveaus", "activiteiten")
    inlines = [MetingInline, DatakwaliteitInline]


class BegrensdeTelling(Paginator):
    """A paginator that never counts a million rows: the admin's metingen list stays fast at ten years of data.

    Up to `GRENS` rows it counts exactly (a COUNT over a LIMIT, so at most `GRENS` rows are read); beyond that,
    for the unfiltered list on PostgreSQL, it takes the table statistics' estimate (`pg_class.reltuples`); else
    it says `GRENS + 1`, enough to page on. The pages themselves are exact: each is a LIMIT/OFFSET query.
    """

    GRENS = 10_000

    @cached_property
    def count(self) -> int:
        aantal = self.object_list[: self.GRENS + 1].count()
        if aantal <= self.GRENS:
            return aantal
        query = getattr(self.object_list, "query", None)
        if connection.vendor == "postgresql" and query is not None and not query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                    [self.object_list.model._meta.db_table],
                )
                rij = cursor.fetchone()
            if rij and rij[0] > aantal:
                return int(rij[0])
        return aantal


@admin.register(Meting)
class MetingAdmin(ExcelGrensExportMixin, ImportExportMixin, ProgrammaAdmin):
    """Import through django-import-export's form and preview, validated by the same rules as the data-team page
    and committed by the same service (`process_import`); an .xlsx export longer than one Excel sheet is refused
    in Dutch (monitoring/excelgrens.py), CSV stays available.

    The changelist is bounded: no second COUNT of the whole table (`show_full_result_count`), a count that stops
    at `BegrensdeTelling.GRENS`, and newest first by primary key, which an index answers without a sort.
    """

    paginator = BegrensdeTelling
    show_full_result_count = False
    ordering = ("-pk",)

    resource_classes = [MetingResource]
    import_form_class = MetingImportForm  # refuses a file above IMPORT_MAX_BESTANDSGROOTTE, in Dutch
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
    inlines = [AndereBronwaardeInline]

    def has_import_permission(self, request):
        return mag_importeren(request.user)

    def get_import_formats(self):
        """.csv and .xlsx, read as the import page reads them (a typed `47,3%` cell imports as 47,3, not 0,473).

        Only these: the library's other formats (tsv, json, yaml, html) skipped the page's reader, and html could
        not even be read (a TypeError, a 500). The import page takes the same two.
        """
        return list(IMPORTFORMATEN)

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, OngeldigBestand):  # the reader's own Dutch message, not the library's English one
            form.add_error("import_file", str(e))
        else:  # anything else the library raised: its message is English and technical
            form.add_error(
                "import_file",
                "Het bestand kan niet worden gelezen in het gekozen formaat. Kies het juiste formaat, of sla het "
                "op als .xlsx of .csv.",
            )

    def is_skip_import_confirm_enabled(self):
        """Never without the preview: the commit is `process_import`'s, whatever IMPORT_EXPORT_SKIP_IMPORT_CONFIRM says."""
        return False

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        """ "Confirm import": the previewed file is committed by the import service, not by the resource.

        One write path, least code: django-import-export keeps its upload form and its row-by-row preview (the
        shared rules, through MetingResource, which writes nothing), and only its commit is replaced. The file goes
        to `services.import_direct_doorvoeren`, which stores it under its sha256 and calls `metingen_importeren`
        as the import page's job does: the same Import record with the file as its evidence, the same history, the
        same undo on the import history page. The admin's own flow stays (its tests pin the preview and a commit
        in the request); handing the file to the page's check job instead would have made the user confirm twice.
        """
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_confirm_form(request)
        if not form.is_valid():
            return super().process_import(request, **kwargs)  # the library's page with the form's errors
        terug = reverse("admin:monitoring_meting_import", current_app=self.admin_site.name)
        formaten = self.get_import_formats()
        keuze = form.cleaned_data["format"]
        if not keuze.isdigit() or int(keuze) >= len(formaten):
            messages.error(request, "Kies een .xlsx- of .csv-bestand en controleer het opnieuw.")
            return redirect(terug)
        formaat = formaten[int(keuze)]()
        tijdelijk = self.get_tmp_storage_class()(
            name=form.cleaned_data["import_file_name"],
            encoding=None,
            read_mode=formaat.get_read_mode(),
            **self.get_tmp_storage_class_kwargs(),
        )
        try:
            data = tijdelijk.read()
        except OSError:
            data = None
        if not data:
            messages.error(request, "Het bestand staat niet meer klaar; upload het opnieuw.")
            return redirect(terug)
        # Read as the preview read it: the chosen format decides, whatever the file's own name ends in.
        naam = form.cleaned_data["original_file_name"]
        if not naam.lower().endswith(f".{formaat.get_extension()}"):
            naam = f"{naam}.{formaat.get_extension()}"
        try:
            resultaat = services.import_direct_doorvoeren(
                bestand=ContentFile(data, name=naam), door=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(terug)
        finally:
            with suppress(OSError):  # kept by the service under its sha256 when it was committed
                tijdelijk.remove()
        if not resultaat.doorgevoerd:  # refused (an error in the file): nothing written, the page's reason
            messages.error(request, " ".join([resultaat.bestandsfout, *resultaat.meldingen]).strip())
            return redirect(terug)
        messages.success(request, " ".join(resultaat.meldingen))
        return redirect(reverse("admin:monitoring_meting_changelist", current_app=self.admin_site.name))

    def has_export_permission(self, request):
        return mag_exporteren(request.user)


@admin.register(Wijk)
class WijkAdmin(ProgrammaAdmin):
    list_display = ("naam", "cbs_code")
    search_fields = ("naam", "cbs_code")


@admin.register(Informatieniveau)
class InformatieniveauAdmin(ProgrammaAdmin):
    list_display = ("naam", "proces", "type_indicatoren", "bronnen")


@admin.register(Vergelijkingsgebied)
class VergelijkingsgebiedAdmin(ProgrammaAdmin):
    list_display = ("naam", "cbs_code", "soort")
    search_fields = ("naam", "cbs_code")


@admin.register(Import)
class ImportAdmin(VeiligeLijstMixin, admin.ModelAdmin):
    """The audit record of every import: read-only and never deleted (undo on the import page is the way back)."""

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

    def has_delete_permission(self, request, obj=None):
        return False


class ScenariototaalInline(admin.TabularInline):
    model = Scenariototaal
    extra = 0
    fields = ("tabel", "jaar", "cel", "bedrag", "eenheid", "som_van_de_domeinen", "wijkt_af", "bron")


@admin.register(Scenario)
class ScenarioAdmin(ProgrammaAdmin):
    list_display = ("nummer", "naam", "bron")
    inlines = [ScenariototaalInline, DatakwaliteitInline]


@admin.register(Scenariototaal)
class ScenariototaalAdmin(ProgrammaAdmin):
    list_display = ("scenario", "tabel", "jaar", "cel", "eenheid", "som_van_de_domeinen", "wijkt_af")
    list_filter = ("tabel", "wijkt_af", "scenario")


@admin.register(AndereBronwaarde)
class AndereBronwaardeAdmin(ProgrammaAdmin):
    list_display = ("meting", "bron", "cel", "waarde", "is_conflict")
    list_filter = ("is_conflict", "brondocument")
    search_fields = ("meting__indicator__code", "bron", "cel")
    list_select_related = ("meting__indicator",)


class PijlerelementInline(admin.TabularInline):
    model = Pijlerelement
    extra = 0


@admin.register(Databedrevenheidspijler)
class DatabedrevenheidspijlerAdmin(ProgrammaAdmin):
    list_display = ("volgorde", "naam", "bron")
    inlines = [PijlerelementInline, DatakwaliteitInline]


@admin.register(Bedrag)
class BedragAdmin(ProgrammaAdmin):
    list_display = ("sleutel", "soort", "domein", "jaar", "scenario", "bedrag", "bron")
    list_filter = ("soort", "domein", "jaar", "scenario")
    search_fields = ("sleutel", "toelichting", "bron")
    inlines = [DatakwaliteitInline]


@admin.register(Piramidestand)
class PiramidestandAdmin(ProgrammaAdmin):
    list_display = ("periode", "modellaag", "aantal_clienten", "bron")
    list_filter = ("modellaag",)
    inlines = [DatakwaliteitInline]


@admin.register(Kerncijfer)
class KerncijferAdmin(ProgrammaAdmin):
    list_display = ("naam", "onderwerp", "periode", "waarde", "eenheid", "telt_personen", "bron")
    list_filter = ("onderwerp", "domein")
    inlines = [DatakwaliteitInline]
