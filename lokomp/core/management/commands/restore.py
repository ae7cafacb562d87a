"""`lokomp restore FILE`: the database as the backup file holds it. Everything in the
database now is replaced, in one transaction: a file that cannot be read changes nothing.
Without a terminal to ask (cron, CI, `< /dev/null`) it needs `--yes`."""

import sys
import zlib
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction


class Command(BaseCommand):
    help = "Les tilbake en sikkerhetskopi (erstatter alt i databasen)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--yes", action="store_true", help="Ikke spør før alt erstattes.")

    def handle(self, *args, file, yes, **options):
        if not Path(file).is_file():
            raise CommandError(f"Fant ikke filen {file}. Ingenting er endret.")
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError(
                    "Ingen å spørre om alt i databasen skal erstattes: kjør med --yes. "
                    "Ingenting er endret."
                )
            if input("Alt i databasen erstattes. Skriv ja for å fortsette: ") != "ja":
                self.stdout.write("Avbrutt.")
                return
        try:
            self._replace(file)
        except (DeserializationError, DatabaseError, EOFError, OSError, zlib.error) as error:
            reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
            raise CommandError(f"Kunne ikke lese {file} ({reason}). Ingenting er endret.") from None
        self.stdout.write(f"Databasen er lest tilbake fra {file}.")

    def _replace(self, file: str) -> None:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # Deletions made earlier in the same transaction leave deferred foreign-key
                # checks pending, and PostgreSQL refuses to empty a table that has any.
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            # Flushing brings back content types and permissions, which the file leaves out.
            call_command("flush", interactive=False, verbosity=0)
            if connection.vendor == "postgresql":
                # Rows come in the file's order; references are checked at the end.
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            call_command("loaddata", file, verbosity=0)
