"""`make load` (third part): evaluations answered after a large session. Phones arrive at a
steady rate (50 a second) for five minutes; each opens the evaluation link (which gives
the device its cookie) and sends its answers: four statements and a free text. Against
gunicorn on the loopback address pinned to two CPU cores, set up as docs/operations.md
says, on SQLite and (when a server answers) PostgreSQL.

The arrivals do not wait for the server (an open loop): if the server falls behind, the
run takes longer than planned and the table says so. Prints submissions sent, the rate
achieved, p50 and p95 of sending the answers, errors (any answer but "Svaret ditt er
lagret"), and the responses and answers found in the database afterwards.

    python -m bench.evaluations [--rate 50] [--seconds 300] [--databases sqlite,postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import time
from urllib.parse import urlencode

from .checkin import TITLE, _in_django, setup_in_django
from .load import _prepare, answering, p50_p95_ms, pinned_server

SLACK_SECONDS = 10  # the last phones' answers may still be on their way when time is up


def setup() -> dict:
    """Open the evaluation of the August session from today. Run inside Django."""
    from datetime import date, timedelta

    from lokomp.evaluation.answering import evaluation_for
    from lokomp.plans.models import Activity

    activity = Activity.objects.get(title=TITLE)
    evaluation = evaluation_for(activity, None, date.today())
    evaluation.opens_on, evaluation.closes_on = date.today(), date.today() + timedelta(days=14)
    evaluation.save()
    return {"code": evaluation.code, "evaluation": evaluation.pk}


async def _http(address, method: str, path: str, cookies: dict, data: dict | None = None):
    """One HTTP/1.0 request on a connection of its own, as plain as a phone's: the status,
    the cookies set and the body. Written out by hand so that the phones use little of the
    two cores the server has."""
    host, port = address
    body = urlencode(data).encode() if data is not None else b""
    head = [f"{method} {path} HTTP/1.0", f"Host: {host}:{port}"]
    if cookies:
        head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
    if data is not None:
        head += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        await writer.drain()
        answer = await reader.read()
    finally:
        writer.close()
    header, _, content = answer.partition(b"\r\n\r\n")
    lines = header.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "set-cookie":
            key, _, rest = value.strip().partition("=")
            cookies[key] = rest.split(";")[0]
    return status, content.decode()


async def _phone(address, code: str, n: int, timings: dict, errors: dict) -> None:
    cookies: dict = {}
    started = time.perf_counter()
    try:
        status, page = await _http(address, "GET", f"/svar/{code}/", cookies)
    except OSError:
        errors["open page"] += 1
        return
    timings["open page"].append(time.perf_counter() - started)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or token is None:
        errors["open page"] += 1
        return
    data = {"csrfmiddlewaretoken": token.group(1)}
    for name in sorted(set(re.findall(r'name="(q\d+-choice)"', page))):
        data[name] = str(3 + n % 3)
    for name in re.findall(r'<textarea[^>]*name="(q\d+)"', page)[:1]:
        data[name] = f"Svar nummer {n}."
    started = time.perf_counter()
    try:
        status, done = await _http(address, "POST", f"/svar/{code}/", cookies, data)
    except OSError:
        errors["answer"] += 1
        return
    timings["answer"].append(time.perf_counter() - started)
    errors["answer"] += not (status == 200 and "Svaret ditt er lagret" in done)


async def _arrivals(url: str, code: str, rate: int, seconds: int, timings, errors) -> int:
    """Start `rate` phones a second for `seconds`, each with its own cookies; at most 300
    on their way at once (the rest wait their turn, and the run takes longer)."""
    host, port = url.removeprefix("http://").split(":")
    address = (host, int(port))
    total = rate * seconds
    limit = asyncio.Semaphore(300)

    async def one(n: int) -> None:
        async with limit:
            await _phone(address, code, n, timings, errors)

    started = time.monotonic()
    tasks = []
    for n in range(total):
        delay = started + n / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(n)))
    await asyncio.gather(*tasks)
    return total


def run(database: str, rate: int, seconds: int) -> str:
    env = _prepare(database)
    made = setup_in_django(env, "bench.evaluations")
    timings: dict = {"open page": [], "answer": []}
    errors: dict = {"open page": 0, "answer": 0}
    with pinned_server(env, database) as url:
        started, cpu = time.monotonic(), time.process_time()
        sent = asyncio.run(_arrivals(url, made["code"], rate, seconds, timings, errors))
        elapsed = time.monotonic() - started
        print(f"(the phones themselves used {time.process_time() - cpu:.0f} s of CPU)",
              file=sys.stderr)  # fmt: skip
    stored = _in_django(
        env,
        "from lokomp.evaluation.models import Answer, Response;"
        f"print(Response.objects.filter(evaluation={made['evaluation']}).count(),"
        f" Answer.objects.filter(response__evaluation={made['evaluation']}).count())",
    ).split()[-2:]
    p50, p95 = p50_p95_ms(timings["answer"])
    return (
        f"| {database} | {sent} | {elapsed:.0f} s | {sent / elapsed:.1f} | "
        f"{p50:.0f} | {p95:.0f} | "
        f"{errors['open page'] + errors['answer']} | {stored[0]} | {stored[1]} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--databases", default="sqlite,postgres")
    args = parser.parse_args()
    print(f"{args.rate} evaluation answers a second for {args.seconds} s, gunicorn on two cores\n")
    print(
        "| database | answers sent | time | answers/s | answer p50 ms | answer p95 ms | "
        "errors | responses stored | answers stored |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    failed = False
    for database in answering(args.databases):
        row = run(database, args.rate, args.seconds)
        print(row, flush=True)
        cells = [c.strip() for c in row.strip("|").split("|")]
        failed |= (
            cells[6] != "0"
            or cells[7] != cells[1]
            or float(cells[2].split()[0]) > args.seconds + SLACK_SECONDS
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
