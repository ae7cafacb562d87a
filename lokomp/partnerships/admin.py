"""The grant schemes are national settings, kept by the service's administrators: the
colour code, the owners' co-financing and whether a progress report is written per
measure."""

from django.contrib import admin

from .models import Scheme


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "label", "co_financing_percent", "report_per_measure"]
    list_editable = ["report_per_measure"]
