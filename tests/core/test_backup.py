"""`lokomp backup` and `lokomp restore` round-trip the database with every row intact, on
SQLite and PostgreSQL alike (the suite runs on both)."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from lokomp.core.models import AuditEntry
from lokomp.needs.models import ReportVersion

pytestmark = pytest.mark.django_db


def _rows():
    counted = {}
    for model in apps.get_models():
        if (
            model._meta.app_label in ("contenttypes", "sessions")
            or model._meta.label == "auth.Permission"
        ):
            continue
        counted[model._meta.label] = sorted(model.objects.values_list("pk", flat=True))
    return counted


def test_backup_and_restore_keep_every_row(tmp_path):
    before = _rows()
    snapshot = ReportVersion.objects.get(report__template__year=2023).snapshot
    entries = list(AuditEntry.objects.values_list("action", "object_repr", "data"))
    file = tmp_path / "lokomp.json.gz"
    call_command("backup", str(file))
    assert file.stat().st_size > 10_000
    ReportVersion.objects.all().delete()  # something lost after the backup
    call_command("restore", str(file), yes=True)
    assert _rows() == before
    assert ReportVersion.objects.get(report__template__year=2023).snapshot == snapshot
    assert list(AuditEntry.objects.values_list("action", "object_repr", "data")) == entries


def test_a_backup_file_needs_a_known_ending(tmp_path):
    with pytest.raises(CommandError):
        call_command("backup", str(tmp_path / "lokomp.txt"))
