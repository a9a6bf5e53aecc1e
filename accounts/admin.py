from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, ("Organisatie", {"fields": ("functie",)}))
    list_display = ("username", "first_name", "last_name", "email", "functie", "is_active")
    list_filter = ("groups", "is_active", "is_staff")
