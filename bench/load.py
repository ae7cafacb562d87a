"""`make load`: Lokomp under load, served as in production (gunicorn, DEBUG off) on the
loopback address, on SQLite and (when a server answers) PostgreSQL, with the demo data.

Twenty users at once, each signed in as a coordinator, for the given time, each going round:
the plan page, the partnership's calendar feed, and saving a needs-report section (a real
write, with the page's CSRF token and revision). Prints requests per second, p50 and p95 per
request kind and the number of errors (any answer but the expected one) for BENCHMARKS.md.

    python -m bench.load [--users 20] [--seconds 120] [--databases sqlite,postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.forms import form_data

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The production set-up of docs/operations.md on two cores. SQLite: one process per core,
# a few threads each (writers take turns); PostgreSQL: several workers.
WORKERS = {
    "sqlite": ["--workers", "2", "--threads", "4"],
    "postgres": ["--workers", "4"],
}


def _prepare(database: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    env.update(DEBUG="0", DJANGO_SETTINGS_MODULE="lokomp.settings")
    if database == "sqlite":
        path = ROOT / "var" / "load.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        env["SQLITE_PATH"] = str(path)
    else:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "lokomp_load"')
            conn.execute('CREATE DATABASE "lokomp_load"')
        env["DATABASE_URL"] = f"{PG_SERVER}/lokomp_load"
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "load_demo"], env=env, check=True, cwd=ROOT, capture_output=True)
    return env


@contextmanager
def pinned_server(env: dict, database: str) -> Iterator[str]:
    """gunicorn set up for production (`WORKERS`), pinned to two cores as the planning-day
    server has; its address while the block runs."""
    server, url = serve(env, WORKERS[database])
    os.sched_setaffinity(server.pid, {0, 1})
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def answering(databases: str) -> Iterator[str]:
    """The databases asked for ("sqlite,postgres"), PostgreSQL only where a server
    answers."""
    from .run import _postgres_up

    for database in databases.split(","):
        database = database.strip()
        if database == "postgres" and not _postgres_up():
            print("(PostgreSQL does not answer; skipped)")
            continue
        yield database


def p50_p95_ms(values: list[float]) -> tuple[float, float]:
    """The median and the 95th percentile of timings in seconds, in milliseconds (0 where
    nothing was measured)."""
    if not values:
        return 0.0, 0.0
    ordered = sorted(values)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def serve(env: dict, workers: list[str]) -> tuple[subprocess.Popen, str]:
    """gunicorn serving Lokomp on a free loopback port, once it answers; and its address.
    Also used by the tests that need a server in a process of its own."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "lokomp.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            *workers,
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(url + "/helse/", timeout=1)
            return server, url
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                server.kill()
                raise RuntimeError("gunicorn did not start") from None
            time.sleep(0.2)


def _ids(env: dict) -> tuple[str, int]:
    """The demo partnership's feed token and its 2026 needs report."""
    script = (
        "from lokomp.needs.models import NeedsReport;"
        "from lokomp.partnerships.models import Partnership;"
        "p = Partnership.objects.get(slug='sor-troms-evenes');"
        "r = NeedsReport.objects.get(partnership=p, template__year=2026);"
        "print(p.calendar_token, r.pk)"
    )
    out = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return out[-2], int(out[-1])


async def _user(url: str, token: str, report: int, until: float, timings: dict, errors: dict):
    async with httpx.AsyncClient(base_url=url, timeout=30, follow_redirects=False) as client:
        login = await client.get("/konto/logg-inn/")
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
        await client.post(
            "/konto/logg-inn/",
            data={
                "username": "koordinator",
                "password": "lokomp-demo",
                "csrfmiddlewaretoken": csrf,
            },
        )
        section = f"/behovsmelding/{report}/del/0/"
        n = 0
        while time.monotonic() < until:
            n += 1
            for kind, path in (
                ("plan page", "/partnerskap/sor-troms-evenes/plan/2025-2026/"),
                ("calendar feed", f"/kalender/partnerskap/{token}.ics"),
            ):
                started = time.perf_counter()
                response = await client.get(path)
                timings[kind].append(time.perf_counter() - started)
                errors[kind] += response.status_code != 200
            page = await client.get(section)
            data = form_data(page.text)  # the whole form, as the browser sends it
            data["csrfmiddlewaretoken"] = re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text
            ).group(1)
            answer = next((k for k in data if re.fullmatch(r"q\d+", k)), None)
            if answer:
                data[answer] = f"Svar {n} fra lasttesten"
            started = time.perf_counter()
            saved = await client.post(section, data=data)
            timings["needs-report save"].append(time.perf_counter() - started)
            # 302: saved; 200 with the conflict notice: another user saved first (expected
            # when twenty people write the same answer); anything else is an error.
            errors["needs-report save"] += not (
                saved.status_code == 302
                or (saved.status_code == 200 and "mens du skrev" in saved.text)
            )


def run(database: str, users: int, seconds: int) -> list[str]:
    env = _prepare(database)
    token, report = _ids(env)
    server, url = serve(env, WORKERS[database])
    kinds = ("plan page", "calendar feed", "needs-report save")
    timings: dict = {k: [] for k in kinds}
    errors: dict = dict.fromkeys(kinds, 0)
    try:
        until = time.monotonic() + seconds
        started = time.monotonic()

        async def all_users():
            await asyncio.gather(
                *(_user(url, token, report, until, timings, errors) for _ in range(users))
            )

        asyncio.run(all_users())
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=20)
    rows = []
    for kind in kinds:
        p50, p95 = p50_p95_ms(timings[kind])
        rows.append(
            f"| {database} | {kind} | {len(timings[kind]) / elapsed:.1f} | "
            f"{p50:.0f} | {p95:.0f} | {errors[kind]} |"
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--databases", default="sqlite,postgres")
    args = parser.parse_args()
    print(f"{args.users} users for {args.seconds} s, gunicorn on the loopback address\n")
    print("| database | request | per second | p50 ms | p95 ms | errors |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for database in args.databases.split(","):
        for row in run(database.strip(), args.users, args.seconds):
            print(row, flush=True)


if __name__ == "__main__":
    main()
