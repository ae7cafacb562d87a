"""`manage.py purge_staff`: run daily by the scheduler (docs/operations.md)."""

from django.core.management.base import BaseCommand

from lokomp.participation.services import staff_purge


class Command(BaseCommand):
    help = "Slett navn og e-post for ansatte som sluttet for lenge siden."

    def handle(self, *args, **options):
        purged = staff_purge()
        self.stdout.write(f"Slettet navn og e-post for {purged} ansatte som har sluttet.")
