from django.contrib import admin

from .models import Frame, Round


class FrameInline(admin.TabularInline):
    model = Frame
    extra = 0


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["county", "year", "submission_deadline", "decision_deadline"]
    inlines = [FrameInline]
