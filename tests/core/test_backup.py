"""`lokomp backup` and `lokomp restore` round-trip the database with every row intact, on
SQLite and PostgreSQL alike (the suite runs on both)."""

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from lokomp.core.models import AuditEntry
from lokomp.needs.models import ReportVersion

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


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


def test_restore_without_a_terminal_refuses_in_one_norwegian_line(tmp_path):
    """From cron, CI or `< /dev/null` there is nobody to answer the question: Lokomp says
    to use --yes and changes nothing, without a traceback."""
    file = tmp_path / "lokomp.json"
    file.write_text("[]")
    database = tmp_path / "lokomp.sqlite3"
    env = {**os.environ, "SQLITE_PATH": str(database), "DJANGO_SETTINGS_MODULE": "lokomp.settings"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "manage.py", "restore", str(file)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "--yes" in done.stderr and "Ingenting er endret." in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not database.exists()  # not even opened


@pytest.mark.parametrize("damage", ["truncated", "missing", "not json"])
def test_a_damaged_backup_changes_nothing(tmp_path, damage):
    before = _rows()
    whole = tmp_path / "lokomp.json.gz"
    call_command("backup", str(whole))
    file = tmp_path / "skadet.json.gz"
    if damage == "truncated":
        file.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    elif damage == "not json":
        file.write_bytes(gzip.compress(b"[{ikke json"))
    with pytest.raises(CommandError, match="Ingenting er endret."):
        call_command("restore", str(file), yes=True)
    assert _rows() == before
