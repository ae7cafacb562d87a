"""The worker's schedule: what runs when, once however many workers run it."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ScheduledRun
from .outbox import remind, send_due

# The day's reminders are recorded from this hour (Norwegian time), once a day.
DAILY_HOUR = 6


def claim(name: str, period: str) -> bool:
    """True for the one caller that runs `name` for `period`; False for every other."""
    try:
        with transaction.atomic():
            ScheduledRun.objects.create(name=name, period=period)
    except IntegrityError:
        return False
    return True


def run_schedule(now: datetime | None = None) -> dict[str, int]:
    """One turn of the schedule: the day's reminders if they are due and not yet recorded,
    then every message that is due to be sent."""
    local = timezone.localtime(now or timezone.now())
    done = {"recorded": 0, "sent": 0}
    if local.hour >= DAILY_HOUR:
        # The claim and the day's messages in one transaction: a run that fails leaves the
        # day unclaimed, for the next turn to do.
        with transaction.atomic():
            if claim("duties", local.date().isoformat()):
                done["recorded"] = remind(local.date())
    done["sent"] = send_due()
    return done
