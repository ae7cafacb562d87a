"""`lokomp worker`: runs the schedule (the day's reminders) and sends what is recorded, every
`--interval` seconds. Run one or more beside the app servers: each job and each message is
claimed in the database, so several workers never do the same thing twice."""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from lokomp.core.schedule import run_schedule

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Kjør påminnelser og send e-post som venter."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0)
        parser.add_argument("--once", action="store_true", help="Én runde, så avslutt.")

    def handle(self, *args, interval, once, **options):
        while True:
            close_old_connections()
            try:
                done = run_schedule()
            except Exception:  # noqa: BLE001 — one bad turn must not stop the mail
                logger.exception("The worker's turn failed; the next turn tries again.")
                if once:
                    raise
            else:
                if done["recorded"] or done["sent"]:
                    self.stdout.write(
                        f"{done['recorded']} påminnelser lagt i kø, {done['sent']} e-poster sendt."
                    )
            if once:
                return
            time.sleep(interval)
