"""`lokomp backup FILE`: every row of Lokomp's database to one compressed file, the same on
SQLite and PostgreSQL (`lokomp restore FILE` reads it back)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# Rebuilt by Django itself (content types, permissions) or short-lived (sessions).
LEFT_OUT = ["contenttypes", "auth.permission", "sessions"]


class Command(BaseCommand):
    help = "Ta sikkerhetskopi av databasen til en fil (.json.gz)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Filen som skal skrives, for eksempel lokomp.json.gz.")

    def handle(self, *args, file, **options):
        if not file.endswith((".json", ".json.gz", ".json.xz", ".json.bz2")):
            raise CommandError("Bruk en fil som slutter på .json.gz (eller .json).")
        call_command(
            "dumpdata",
            natural_foreign=True,
            exclude=LEFT_OUT,
            output=file,
            verbosity=0,
        )
        self.stdout.write(f"Sikkerhetskopi skrevet til {file}.")
