"""`manage.py send_onboarding_reminders`: run weekly by the scheduler (docs/operations.md)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from lokomp.participation.onboarding import send_reminders


class Command(BaseCommand):
    help = "Send påminnelse til enhetsledere om nyansatte som skal fullføre introduksjonen."

    def handle(self, *args, **options):
        sent = send_reminders(timezone.localdate())
        self.stdout.write(f"Sendte {sent} påminnelser.")
