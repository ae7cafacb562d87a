"""Times the key pages of one database against the bare view, in one interleaved run.

Run by bench/run.py in a process of its own per scale (settings read the database from the
environment at start-up). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lokomp.settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=["demo", "national", "county3000"], required=True)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from lokomp.accounts.models import User
    from lokomp.partnerships.models import Partnership

    call_command("migrate", "--noinput", verbosity=0)
    if not Partnership.objects.exists():
        started = time.perf_counter()
        if args.scale == "demo":
            from lokomp.demo.builder import load_demo

            load_demo()
        else:
            from bench.generate import generate

            generate(round_reports=2980 if args.scale == "county3000" else 0)
        # Statistics for the query planner, as autovacuum (PostgreSQL) or a scheduled
        # ANALYZE would have gathered after a load of this size.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"built {args.scale} data in {time.perf_counter() - started:.1f}s", file=sys.stderr)

    from lokomp.needs.models import NeedsReport

    if args.scale == "demo":
        slug, username, admin_name = "sor-troms-evenes", "koordinator", "statsforvalter"
    else:
        slug, username, admin_name = "partnerskap-000", "bench", "bench-admin"
    partnership = Partnership.objects.get(slug=slug)
    report = NeedsReport.objects.get(partnership=partnership, template__year=2026)
    county = partnership.county
    client = Client()
    client.force_login(User.objects.get(username=username))
    admin = Client()
    admin.force_login(User.objects.get(username=admin_name))
    feed = f"/kalender/partnerskap/{partnership.calendar_token}.ics"
    etag = client.get(feed)["ETag"]
    pages = {
        "bare view (/helse/)": "/helse/",
        "bare page (login form)": "/konto/logg-inn/",
        "plan table": f"/partnerskap/{slug}/plan/2025-2026/",
        "calendar (month)": f"/partnerskap/{slug}/plan/2025-2026/kalender/"
        "?visning=month&periode=2025-10",
        "public page": f"/offentlig/{slug}/?aar=2025-2026",
        "ICS feed": feed,
        "ICS feed, unchanged (304)": feed,
        "report overview": f"/behovsmelding/{report.pk}/",
        "report editor (goals, measures)": f"/behovsmelding/{report.pk}/del/2/",
        "report editor (budget)": f"/behovsmelding/{report.pk}/del/3/",
        "round page": f"/fylke/{county.number}/runde/2026/",
        "round page (filtered, by sum)": f"/fylke/{county.number}/runde/2026/"
        "?status=draft&sorter=-sum",
    }
    pages["coverage (county)"] = f"/fylke/{county.number}/dekning/"
    pages["coverage (county, 2025–26)"] = f"/fylke/{county.number}/dekning/?aar=2025&side=2"
    pages["coverage (partnership)"] = f"/partnerskap/{slug}/dekning/?aar=2025"
    # The demo's 2026 reports are drafts; its decided round is 2023.
    forum_year = 2023 if args.scale == "demo" else 2026
    pages["meeting view"] = f"/fylke/{county.number}/runde/{forum_year}/mote/"
    from lokomp.reports.models import ProgressReport

    progress = ProgressReport.objects.filter(partnership=partnership).order_by("pk").first()
    pages["progress report"] = f"/partnerskap/{slug}/rapporter/{progress.pk}/"
    pages["progress report (Word)"] = f"/partnerskap/{slug}/rapporter/{progress.pk}/rapport.docx"
    pages["county reports and summary"] = f"/fylke/{county.number}/rapporter/?aar=2025"
    pages["national view"] = "/nasjonalt/?aar=2025"
    if args.scale != "county3000":  # a Word file of 2 000 rows is a batch job, not a page
        pages["recommendation (Word)"] = (
            f"/fylke/{county.number}/runde/{forum_year}/innstilling.docx"
        )
        pages["recommendation (Excel)"] = (
            f"/fylke/{county.number}/runde/{forum_year}/innstilling.xlsx"
        )
    clients = {
        name: admin
        for name in pages
        if name.startswith(
            ("round page", "meeting", "recommendation", "coverage (county", "county reports")
        )
    }
    directorate = Client()
    directorate.force_login(
        User.objects.get(username="direktorat" if args.scale == "demo" else "bench-directorate")
    )
    clients["national view"] = directorate
    headers = {"ICS feed, unchanged (304)": {"If-None-Match": etag}}
    timings: dict[str, list[float]] = {name: [] for name in pages}
    queries: dict[str, int] = {}
    sizes: dict[str, int] = {}
    for name, url in pages.items():  # warm up, count queries
        with CaptureQueriesContext(connection) as captured:
            response = clients.get(name, client).get(url, headers=headers.get(name))
        assert response.status_code in (200, 304), (url, response.status_code)
        queries[name] = len(captured.captured_queries)
        sizes[name] = len(response.content)
    for _round in range(args.rounds):
        for name, url in pages.items():  # interleaved, so drift hits every page alike
            started = time.perf_counter()
            clients.get(name, client).get(url, headers=headers.get(name))
            timings[name].append((time.perf_counter() - started) * 1000)

    def p(values: list[float], q: int) -> float:
        return statistics.quantiles(values, n=100, method="inclusive")[q - 1]

    bare_p95 = p(timings["bare view (/helse/)"], 95)
    page_p95 = p(timings["bare page (login form)"], 95)
    result = {
        "scale": args.scale,
        "database": connection.vendor,
        "rounds": args.rounds,
        "pages": [
            {
                "page": name,
                "p50_ms": round(p(values, 50), 2),
                "p95_ms": round(p(values, 95), 2),
                "ratio_p95": round(p(values, 95) / bare_p95, 1),
                "page_ratio_p95": round(p(values, 95) / page_p95, 1),
                "queries": queries[name],
                "bytes": sizes[name],
            }
            for name, values in timings.items()
        ],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
