"""`make bench`: the page benchmark at demo and national scale, on SQLite and (when a
server answers) PostgreSQL. Prints Markdown tables for BENCHMARKS.md.

    python -m bench.run [--rounds 40] [--databases sqlite,postgres] [--fresh]

Data is kept between runs in var/bench-*.sqlite3 and the PostgreSQL databases
lokomp_bench_demo and lokomp_bench_national; --fresh builds it anew.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def _postgres_up() -> bool:
    try:
        import psycopg

        psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=2).close()
        return True
    except Exception:
        return False


def _pg_database(name: str, fresh: bool) -> str:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{name}"')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_SERVER}/{name}"


def run_one(database: str, scale: str, rounds: int, fresh: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DEBUG"] = "0"
    if database == "sqlite":
        path = ROOT / "var" / f"bench-{scale}.sqlite3"
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        env["SQLITE_PATH"] = str(path)
    else:
        env["DATABASE_URL"] = _pg_database(f"lokomp_bench_{scale}", fresh)
    output = subprocess.run(
        [sys.executable, "-m", "bench.measure", "--scale", scale, "--rounds", str(rounds)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    sys.stderr.write(output.stderr)
    output.check_returncode()
    return json.loads(output.stdout.strip().splitlines()[-1])


def table(results: list[dict]) -> str:
    lines = [
        "| page | scale | p50 ms | p95 ms | p95 ÷ bare view | p95 ÷ bare page | queries |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        for page in result["pages"]:
            lines.append(
                f"| {page['page']} | {result['scale']} | {page['p50_ms']:.2f} | "
                f"{page['p95_ms']:.2f} | {page['ratio_p95']:.1f}× | "
                f"{page['page_ratio_p95']:.1f}× | {page['queries']} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--scales", default="demo,national")
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args(argv)
    failed = False
    for database in args.databases.split(","):
        if database == "postgres" and not _postgres_up():
            print(f"\n(PostgreSQL does not answer at {PG_SERVER}; skipped)")
            continue
        results = [
            run_one(database, scale, args.rounds, args.fresh) for scale in args.scales.split(",")
        ]
        print(f"\n### {database} ({args.rounds} rounds, interleaved)\n")
        print(table(results))
        by_scale = {r["scale"]: {p["page"]: p["queries"] for p in r["pages"]} for r in results}
        # Pages every scale measures (the county3000 scale leaves out the Word export).
        common = set.intersection(*(set(counts) for counts in by_scale.values()))
        shared = [{k: v for k, v in c.items() if k in common} for c in by_scale.values()]
        if len({json.dumps(counts, sort_keys=True) for counts in shared}) > 1:
            failed = True
            print("\nQuery counts differ between the scales:", by_scale)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
