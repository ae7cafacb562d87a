from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import timezone

from lokomp.core.pdf import DocumentTooSlow
from lokomp.partnerships.models import Partnership
from lokomp.plans import documents, ical
from lokomp.plans.queries import get_plan


class Command(BaseCommand):
    help = "Eksporter en tiltaksplan som PDF, DOCX, XLSX eller iCalendar."

    def add_arguments(self, parser):
        parser.add_argument("partnership")
        parser.add_argument("year")
        parser.add_argument("--format", choices=["pdf", "docx", "xlsx", "ics"], default="pdf")
        parser.add_argument("--out", required=True)

    def handle(self, *args, partnership, year, format, out, **options):
        found = Partnership.objects.filter(slug=partnership).first()
        if found is None:
            raise CommandError(f"Fant ikke partnerskapet «{partnership}».")
        try:
            plan = get_plan(found, year)
        except Http404 as error:
            raise CommandError(str(error)) from error
        if format == "ics":
            content = ical.partnership_calendar(
                found, ical.current_plans([found], today=timezone.localdate())[0]
            )
        else:
            try:
                content = documents.plan_document(plan, format)
            except DocumentTooSlow as error:
                raise CommandError(
                    "Dokumentet tok for lang tid (se LOKOMP_EXPORT_SECONDS)."
                ) from error
        Path(out).write_bytes(content)
        self.stdout.write(f"Skrev {out} ({len(content)} byte).")
