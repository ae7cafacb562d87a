"""Deleting what is no longer needed: names and e-mail addresses of people who left long
enough ago, and staff-list uploads never confirmed."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Employee, StaffImport


@transaction.atomic
def staff_purge(*, today: date | None = None) -> int:
    """Blank the name and address of everyone who left more than STAFF_RETENTION_DAYS
    ago. The row stays (unit, role, dates), so counts and coverage keep their numbers.
    Returns how many were purged."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.STAFF_RETENTION_DAYS)
    purged = Employee.objects.filter(end_date__lt=cutoff, purged_at__isnull=True).update(
        name="", email="", purged_at=timezone.now()
    )
    StaffImport.objects.filter(created_at__lt=timezone.now() - timedelta(days=1)).delete()
    return purged
