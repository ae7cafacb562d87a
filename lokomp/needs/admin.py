from django.contrib import admin

from .models import NeedsReport, ReportTemplate

admin.site.register(ReportTemplate, list_display=["title", "county", "year"])
admin.site.register(NeedsReport, list_display=["partnership", "template", "status"])
