"""`make load` (second part): a planning-day peak of check-ins. 1 300 staff check in on
their phones, without logging in, to one session, through gunicorn on the loopback address
pinned to two CPU cores, on SQLite and (when a server answers) PostgreSQL, with the demo
data and 1 300 invented staff in the session's units.

Each phone opens the check-in page (which sets the CSRF cookie), then posts its unit and
name. Fifty phones at a time. Afterwards 100 of them scan again: they are told so, and
nothing is added. Prints the time for all check-ins, requests per second, p50 and p95,
errors (any answer but the expected one), and the rows found in the database.

    python -m bench.checkin [--people 1300] [--at-once 50] [--databases sqlite,postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import subprocess
import sys
import time

import httpx

from .load import ROOT, _prepare, answering, p50_p95_ms, pinned_server

TITLE = "Dialogsamling august 2026"


def setup(people: int) -> dict:
    """Move the session to today, give its units `people` staff between them, and say
    where each can check in. Run inside Django (manage.py shell)."""
    from datetime import date

    from lokomp.core.when import parse_when
    from lokomp.participation.checkin import check_in_units, code_for
    from lokomp.participation.models import Employee
    from lokomp.plans.models import Activity

    activity = Activity.objects.get(title=TITLE)
    today = date.today()
    text = f"{today.day}.{today.month}.{today.year} kl. 08:30-15:00"
    activity.set_when(parse_when(text, activity.measure.plan.school_year), text)
    activity.save()
    units = check_in_units(activity)
    made = Employee.objects.bulk_create(
        Employee(
            unit=units[i % len(units)],
            name=f"Deltaker {i:04d} Lasttest",
            role="laerer",
            start_date=date(2020, 8, 1),
        )
        for i in range(people)
    )
    return {
        "code": code_for(activity, None).code,
        "activity": activity.pk,
        "people": [[e.unit_id, e.name] for e in made],
        "track": activity.tracks.first().pk,
    }


def setup_in_django(env: dict, module: str, arguments: str = ""):
    """What the module's `setup(arguments)` returns, run inside Django in the benchmark's
    environment and read back as JSON."""
    script = f"import json; from {module} import setup; print(json.dumps(setup({arguments})))"
    return json.loads(_in_django(env, script).strip().splitlines()[-1])


def _in_django(env: dict, script: str) -> str:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


async def _phone(url, code, unit, name, track, timings, errors, again=False):
    async with httpx.AsyncClient(base_url=url, timeout=60) as phone:
        started = time.perf_counter()
        page = await phone.get(f"/inn/{code}/")
        timings["open page"].append(time.perf_counter() - started)
        errors["open page"] += page.status_code != 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if token is None:
            errors["check in"] += 1
            return
        started = time.perf_counter()
        done = await phone.post(
            f"/inn/{code}/",
            data={
                "csrfmiddlewaretoken": token.group(1),
                "unit": unit,
                "name": name,
                "track": track,
            },
        )
        timings["check in"].append(time.perf_counter() - started)
        expected = "du var allerede sjekket inn" if again else "Du er sjekket inn."
        errors["check in"] += not (done.status_code == 200 and expected in done.text)


async def _all(url, setup_data, at_once, timings, errors, again=False):
    limit = asyncio.Semaphore(at_once)
    people = setup_data["people"][:100] if again else setup_data["people"]

    async def one(unit, name):
        async with limit:
            await _phone(url, setup_data["code"], unit, name, setup_data["track"], timings,
                         errors, again)  # fmt: skip

    await asyncio.gather(*(one(unit, name) for unit, name in people))


def run(database: str, people: int, at_once: int) -> list[str]:
    env = _prepare(database)
    setup_data = setup_in_django(env, "bench.checkin", str(people))
    timings: dict = {"open page": [], "check in": []}
    errors: dict = {"open page": 0, "check in": 0}
    rescans = {"open page": [], "check in": []}
    rescan_errors: dict = {"open page": 0, "check in": 0}
    with pinned_server(env, database) as url:
        started = time.monotonic()
        asyncio.run(_all(url, setup_data, at_once, timings, errors))
        elapsed = time.monotonic() - started
        asyncio.run(_all(url, setup_data, at_once, rescans, rescan_errors, again=True))
    stored = int(
        _in_django(
            env,
            "from lokomp.participation.models import Attendance;"
            f"print(Attendance.objects.filter(activity={setup_data['activity']}, "
            "source='check_in').count())",
        ).split()[-1]
    )
    p50, p95 = p50_p95_ms(timings["check in"])
    return [
        f"| {database} | {people} | {elapsed:.1f} s | {2 * people / elapsed:.1f} | "
        f"{p50:.0f} | {p95:.0f} | "
        f"{errors['open page'] + errors['check in']} | "
        f"{rescan_errors['open page'] + rescan_errors['check in']} | {stored} |"
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=1300)
    parser.add_argument("--at-once", type=int, default=50)
    parser.add_argument("--databases", default="sqlite,postgres")
    args = parser.parse_args()
    print(f"{args.people} check-ins, {args.at_once} phones at a time, gunicorn on two cores\n")
    print(
        "| database | people | all checked in | requests/s | check-in p50 ms | "
        "check-in p95 ms | errors | errors on a second scan (100) | rows stored |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    failed = False
    for database in answering(args.databases):
        for row in run(database, args.people, args.at_once):
            print(row, flush=True)
            cells = [c.strip() for c in row.strip("|").split("|")]
            failed |= cells[6] != "0" or cells[7] != "0" or cells[8] != str(args.people)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
