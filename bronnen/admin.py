from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import FieldDoesNotExist, FieldError, PermissionDenied

from django_tasks_db.models import DBTaskResult
from simple_history.admin import SimpleHistoryAdmin

from bronnen.models import Begrip, Brondocument, Datakwaliteitsnotitie
from kern.gelijktijdigheid import VELDNAAM, gelijktijdig_form

# The worker's queue records hold task arguments and tracebacks for developers; people follow their own jobs on
# /taken/<id>/ (Achtergrondtaak), so the queue is no part of the beheer (django_tasks_db registers it itself).
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


def _met_token(fieldsets, *, tonen: bool):
    """The fieldsets with the hidden token of bronnen/gelijktijdigheid.py in them (once), or without it.

    Without it for whoever may only look: a read-only admin form shows every field it names as text.
    """
    zonder = [
        (naam, {**opties, "fields": [f for f in opties["fields"] if f != VELDNAAM]})
        for naam, opties in fieldsets
    ]
    if not tonen or not zonder:
        return zonder
    naam, opties = zonder[0]
    return [(naam, {**opties, "fields": [*opties["fields"], VELDNAAM]}), *zonder[1:]]


class GelijktijdigInlineMixin:
    """Inline rows too: saving a row that someone else changed since the page was opened is refused."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form = gelijktijdig_form(self.form)

    def get_fieldsets(self, request, obj=None):
        return _met_token(super().get_fieldsets(request, obj), tonen=self.has_change_permission(request, obj))


_GELIJKTIJDIGE_INLINES: dict[type, type] = {}


def gelijktijdige_inline(inline_class: type) -> type:
    """`inline_class` with GelijktijdigInlineMixin mixed in (made once per class)."""
    if issubclass(inline_class, GelijktijdigInlineMixin):
        return inline_class
    if inline_class not in _GELIJKTIJDIGE_INLINES:
        _GELIJKTIJDIGE_INLINES[inline_class] = type(
            inline_class.__name__, (GelijktijdigInlineMixin, inline_class), {}
        )
    return _GELIJKTIJDIGE_INLINES[inline_class]


class GelijktijdigAdminMixin:
    """No lost updates in the admin: a change form and its inline rows refuse a stale save.

    Each ModelForm gets the signed hidden token of what it was loaded with (bronnen/gelijktijdigheid.py); its
    clean() compares that with the row locked by select_for_update(). changeform_view runs in one transaction,
    so the lock holds until the save. The refusal names what the other person changed, and who and when.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form = gelijktijdig_form(self.form)

    def get_fieldsets(self, request, obj=None):
        tonen = obj is not None and self.has_change_permission(request, obj)
        return _met_token(super().get_fieldsets(request, obj), tonen=tonen)

    def get_inlines(self, request, obj):
        return [gelijktijdige_inline(inline) for inline in super().get_inlines(request, obj)]


class VeiligeChangeList(ChangeList):
    """A changelist that answers an ordering or filter in the address it cannot apply with the admin's own
    "?e=1" page, never a 500.

    Django's header offers no sorting on a GenericForeignKey column (Datakwaliteitsnotitie's "onderwerp"), but a
    typed `?o=1` still ordered by it: a FieldError. Such a column is not sortable here either, and any other
    ordering or filter the database cannot resolve counts as the wrong lookup parameter it is.
    """

    def get_ordering_field(self, field_name):
        if isinstance(field_name, str):
            try:
                veld = self.lookup_opts.get_field(field_name)
            except FieldDoesNotExist:
                veld = None
            # The same test as the admin's header (admin.utils._get_non_gfk_field): a GenericForeignKey.
            if veld is not None and veld.is_relation and veld.many_to_one and veld.related_model is None:
                return None
        return super().get_ordering_field(field_name)

    def get_queryset(self, request, exclude_parameters=None):
        try:
            return super().get_queryset(request, exclude_parameters)
        except FieldError as fout:
            raise IncorrectLookupParameters(fout) from fout


class VeiligeLijstMixin:
    """Model admins whose changelist is a VeiligeChangeList (ProgrammaAdmin, and the read-only logs)."""

    def get_changelist(self, request, **kwargs):
        return VeiligeChangeList


class ProgrammaAdmin(VeiligeLijstMixin, GelijktijdigAdminMixin, SimpleHistoryAdmin):
    """The base of every model admin: the admin writes only through the same rules as the pages.

    - Nothing is deleted here. Programme and monitoring data end by their own status (a risk "vervallen", an import
      undone, a user made inactive), so the audit trail and every link to it stay whole; the history of a record
      that did go (e.g. an import undone) stays readable.
    - The history is read-only: simple_history's "revert" saves an old version straight to the table, past the
      services, the three-role approval of §2.2 and the frozen editions (it even ignores the change permission
      when it receives a POST), so it is switched off (SIMPLE_HISTORY_REVERT_DISABLED) and refused here as well.
    - No lost updates: a change form or inline row that someone else saved since it was opened is refused
      (GelijktijdigAdminMixin).
    - An ordering or filter in the address that cannot be applied gets the admin's "?e=1" page, not a 500
      (VeiligeChangeList).
    """

    def has_delete_permission(self, request, obj=None):
        return False

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_inline_instances(self, request, obj=None):
        # Inline rows are not deleted either (the same rule, for the rows shown below a record).
        instances = super().get_inline_instances(request, obj)
        for inline in instances:
            inline.can_delete = False
        return instances


class DatakwaliteitInline(GenericTabularInline):
    """Data-quality notes shown on every object they concern (any app's admin may add it to its inlines)."""

    model = Datakwaliteitsnotitie
    extra = 0
    fields = ("ernst", "betreft", "citaat", "bron", "toelichting")
    verbose_name = "datakwaliteitsnotitie"
    verbose_name_plural = "datakwaliteitsnotities"


@admin.register(Datakwaliteitsnotitie)
class DatakwaliteitsnotitieAdmin(ProgrammaAdmin):
    list_display = ("betreft", "onderwerp", "ernst", "bron")
    list_filter = ("ernst", "content_type")
    search_fields = ("betreft", "citaat", "toelichting", "bron")


@admin.register(Brondocument)
class BrondocumentAdmin(ProgrammaAdmin):
    list_display = ("code", "korte_naam", "datum", "briefdatum", "zaaknummer", "besluitdatum")
    search_fields = ("code", "korte_naam", "titel", "zaaknummer")
    inlines = [DatakwaliteitInline]


@admin.register(Begrip)
class BegripAdmin(ProgrammaAdmin):
    """The glossary as printed: the beheerder reads it with its notes and history; the loader writes it."""

    list_display = ("term", "soort", "bron")
    list_filter = ("soort",)
    search_fields = ("term", "uitleg")
    inlines = [DatakwaliteitInline]
