from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group

from axes.models import AccessAttempt

from accounts.inlogpogingen import ontgrendelen
from accounts.models import User
from bronnen.admin import GelijktijdigAdminMixin


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
        return velden

    def has_change_permission(self, request, obj=None):
        # A beheerder may not take over a superuser (edit the account or set its password, which Django's
        # password view checks with this same permission).
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # People leave by being made inactive: their name stays on the updates, decisions and imports they made.
        return False


admin.site.unregister(Group)


@admin.register(Group)
class RolAdmin(GroupAdmin):
    """The roles are Django groups made in code after every migrate (accounts/roles.py merges each app's rollen.py):
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
