from django.contrib import admin

from .models import NeedsReport, ReportTemplate, SubmissionDeadline

admin.site.register(ReportTemplate, list_display=["title", "county", "year"])
admin.site.register(SubmissionDeadline, list_display=["county", "year", "deadline"])
admin.site.register(NeedsReport, list_display=["partnership", "template", "status"])
