from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    raw_id_fields = ["county", "partnership", "owner", "unit"]


@admin.register(User)
class LokompUserAdmin(UserAdmin):
    inlines = [RoleInline]
