"""Production settings: Lokomp does not start without its own secret key, and Django's
deployment check finds nothing with the settings of docs/operations.md. Every answer has a
Content Security Policy, and a signed-in user's pages stay out of caches."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from .conftest import client_for

ROOT = Path(__file__).resolve().parents[1]


def _manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_will_not_start_without_a_secret_key():
    result = _manage("check", LOKOMP_PRODUCTION="1")
    assert result.returncode != 0 and "SECRET_KEY must be set in production" in result.stderr


def test_the_deployment_check_finds_nothing():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        LOKOMP_PRODUCTION="1",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="lokomp.example.no",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_headers_on_pages_and_downloads():
    client = client_for("koordinator")
    page = client.get(reverse("plans:plan", args=["sor-troms-evenes", "2025-2026"]))
    assert "default-src 'self'" in page["Content-Security-Policy"]
    assert page["Cache-Control"] == "private, no-store"
    pdf = client.get(reverse("plans:plan_pdf", args=["sor-troms-evenes", "2025-2026"]))
    assert pdf["Cache-Control"] == "private, no-store"
    public = client_for(None).get(reverse("plans:public", args=["sor-troms-evenes"]))
    assert "Content-Security-Policy" in public and "no-store" not in public.get("Cache-Control", "")
