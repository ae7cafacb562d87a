from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import ExternalIdentity, RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    raw_id_fields = ["county", "partnership", "owner", "unit"]


class IdentityInline(admin.TabularInline):
    """Feide and ID-porten logins tied to the user; deleting one unties it."""

    model = ExternalIdentity
    extra = 0
    fields = ["provider", "subject", "created_at", "last_login_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(User)
class LokompUserAdmin(UserAdmin):
    inlines = [RoleInline, IdentityInline]
