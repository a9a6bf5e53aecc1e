from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from axes.models import AccessAttempt

from accounts.constants import ROLLEN_MET_BESLISMACHT, Rol
from accounts.inlogpogingen import client_adres, ontgrendelen
from accounts.models import Roltoekenning, User
from accounts.permissions import mag_roltoekenningen_beoordelen
from accounts.services import rollen_wijzigen, roltoekenning_beoordelen
from bronnen.admin import GelijktijdigAdminMixin

# Fields of one's own account that hand out power: no one changes them on their own account (issue 30).
EIGEN_ACCOUNT_ALLEEN_LEZEN = ["groups", "user_permissions", "is_superuser", "is_staff", "is_active"]
WACHTWOORD_GEWEIGERD = (
    "U kunt het wachtwoord van {naam} niet zetten: dit account heeft een rol die publiceert of besluit. Met dat "
    "wachtwoord zou u als {naam} kunnen handelen; dat doet een superuser (functioneel beheer) of de gebruiker zelf."
)


@admin.register(User)
class UserAdmin(GelijktijdigAdminMixin, BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, ("Organisatie", {"fields": ("functie",)}))
    list_display = ("username", "first_name", "last_name", "email", "functie", "is_active")
    list_filter = ("groups", "is_active", "is_staff")

    def get_readonly_fields(self, request, obj=None):
        # The beheerder manages accounts and their roles (groups) but cannot hand out more than the roles give:
        # superuser status and loose permissions stay with a superuser (least privilege, no self-promotion).
        velden = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            velden += ["is_superuser", "user_permissions"]
        # Separation of duties: one's own roles, rights and status are changed by someone else, superusers included.
        if obj is not None and obj.pk == request.user.pk:
            velden += [v for v in EIGEN_ACCOUNT_ALLEEN_LEZEN if v not in velden]
        return velden

    def save_related(self, request, form, formsets, change):
        """Roles go through accounts.services.rollen_wijzigen, never straight from the form: a role that publishes
        or decides waits for a second beheerder, and every change is logged (Roltoekenning)."""
        groepen = form.cleaned_data.pop("groups", None)
        super().save_related(request, form, formsets, change)
        if groepen is None:
            return
        try:
            wijziging = rollen_wijzigen(
                gebruiker=form.instance,
                rollen={g.name for g in groepen},
                door=request.user,
                adres=client_adres(request),
            )
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return
        if wijziging.aangevraagd:
            namen = ", ".join(Rol(r).label for r in wijziging.aangevraagd)
            self.message_user(
                request,
                f"De rol {namen} voor {form.instance.weergavenaam()} is aangevraagd en wacht op goedkeuring door een "
                "tweede beheerder (Roltoekenningen). Tot dan heeft het account die rol niet.",
                messages.WARNING,
            )

    def user_change_password(self, request, id, form_url=""):
        # Setting the password of an account that publishes or decides would let the beheerder act as that person,
        # and approve his own role requests as a second beheerder: only a superuser, or the user himself.
        gebruiker = get_object_or_404(self.get_queryset(request), pk=id)
        if (
            not request.user.is_superuser
            and gebruiker.pk != request.user.pk
            and gebruiker.rollen & ROLLEN_MET_BESLISMACHT
        ):
            self.message_user(
                request, WACHTWOORD_GEWEIGERD.format(naam=gebruiker.weergavenaam()), messages.ERROR
            )
            return redirect(reverse("admin:accounts_user_change", args=[gebruiker.pk]))
        return super().user_change_password(request, id, form_url)

    def has_change_permission(self, request, obj=None):
        # A beheerder may not take over a superuser (edit the account or set its password, which Django's
        # password view checks with this same permission).
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # People leave by being made inactive: their name stays on the updates, decisions and imports they made.
        return False


@admin.register(Roltoekenning)
class RoltoekenningAdmin(admin.ModelAdmin):
    """The log of role changes and the requests that wait for a second beheerder (accounts/services.py).

    Read-only: rows are made by the user form; a pending request is approved or refused with an action, by a
    beheerder who is neither the requester nor the user.
    """

    list_display = (
        "gebruiker",
        "rol",
        "soort",
        "status",
        "aangevraagd_door",
        "aangevraagd_op",
        "beoordeeld_door",
        "beoordeeld_op",
    )
    list_filter = ("status", "soort", "rol")
    list_select_related = ("gebruiker", "aangevraagd_door", "beoordeeld_door")
    search_fields = ("gebruiker__username", "gebruiker__last_name")
    actions = ["goedkeuren", "afwijzen"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_beoordelen_permission(self, request):
        return mag_roltoekenningen_beoordelen(request.user)

    def _beoordelen(self, request, queryset, *, goedkeuren: bool) -> None:
        gedaan, geweigerd = 0, []
        for toekenning in queryset:
            try:
                roltoekenning_beoordelen(
                    toekenning=toekenning,
                    door=request.user,
                    goedkeuren=goedkeuren,
                    adres=client_adres(request),
                )
                gedaan += 1
            except (PermissionDenied, ValidationError) as exc:
                reden = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                geweigerd.append(f"{toekenning}: {reden}")
        if gedaan:
            woord = "goedgekeurd" if goedkeuren else "afgewezen"
            self.message_user(request, f"{gedaan} roltoekenning(en) {woord}.", messages.SUCCESS)
        for regel in geweigerd:
            self.message_user(request, regel, messages.ERROR)

    @admin.action(description="Goedkeuren (de rol wordt nu gegeven)", permissions=["beoordelen"])
    def goedkeuren(self, request, queryset):
        self._beoordelen(request, queryset, goedkeuren=True)

    @admin.action(description="Afwijzen", permissions=["beoordelen"])
    def afwijzen(self, request, queryset):
        self._beoordelen(request, queryset, goedkeuren=False)


admin.site.unregister(Group)


@admin.register(Group)
class RolAdmin(GroupAdmin):
    """The roles are Django groups made in code after every migrate (accounts/services.py merges each app's rollen.py):
    a change here would be overwritten, so they are shown, not edited or deleted."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessAttempt)
class InlogpogingAdmin(admin.ModelAdmin):
    """Failed logins counted by django-axes, in Dutch (axes' own English admin is off: AXES_ENABLE_ADMIN).

    The beheerder (view and delete permission, accounts/rollen.py) sees who is locked out and unlocks with the
    action "Ontgrendelen"; without it a lockout ends by itself after the cool-off time.
    """

    list_display = ("gebruikersnaam", "adres", "mislukt", "geblokkeerd", "laatste_poging")
    search_fields = ("username", "ip_address")
    ordering = ("-attempt_time",)
    actions = ["ontgrendelen_actie"]
    fields = (
        "gebruikersnaam",
        "adres",
        "mislukt",
        "geblokkeerd",
        "laatste_poging",
        "user_agent",
        "path_info",
    )
    readonly_fields = fields

    @admin.display(description="Gebruikersnaam", ordering="username")
    def gebruikersnaam(self, obj):
        return obj.username

    @admin.display(description="Adres", ordering="ip_address")
    def adres(self, obj):
        return obj.ip_address

    @admin.display(description="Mislukte pogingen", ordering="failures_since_start")
    def mislukt(self, obj):
        return obj.failures_since_start

    @admin.display(description="Geblokkeerd", boolean=True)
    def geblokkeerd(self, obj):
        return obj.failures_since_start >= settings.AXES_FAILURE_LIMIT

    @admin.display(description="Laatste poging", ordering="attempt_time")
    def laatste_poging(self, obj):
        return obj.attempt_time

    @admin.action(
        description="Ontgrendelen (account en adres van de gekozen pogingen)", permissions=["delete"]
    )
    def ontgrendelen_actie(self, request, queryset):
        aantal = ontgrendelen(list(queryset))
        self.message_user(request, f"Ontgrendeld: {aantal} mislukte inlogpoging(en) verwijderd.")

    def get_actions(self, request):
        # Unlocking is the one way to remove attempts; the generic delete would unlock only the rows chosen.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
