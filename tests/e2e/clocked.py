"""`python -m tests.e2e.clocked CLOCK_FILE manage.py-arguments…`: a manage.py command on the
browser tests' clock instead of the machine's.

The browser tests' server is a process of its own. It starts at the moment written in
CLOCK_FILE (ISO 8601), as the rest of the suite does under time-machine, and the clock goes
on ticking from there. A test that moves the clock writes a new moment to the file; the
server follows within a few milliseconds and writes the moment it took to CLOCK_FILE.seen,
so the test knows when the next request sees it (`move_server_clock`)."""

import os
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import time_machine


def _seen(clock: Path) -> Path:
    return clock.with_name(clock.name + ".seen")


def _write(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text)
    os.replace(partial, path)  # whole or not at all: a reader never sees half a moment


def _follow(clock: Path, traveller, shown: str) -> None:
    while True:
        time.sleep(0.01)  # time.sleep is the machine's: time-machine moves only the date
        wanted = clock.read_text()
        if wanted != shown:
            traveller.move_to(datetime.fromisoformat(wanted.split()[0]))
            _write(_seen(clock), wanted)
            shown = wanted


def move_server_clock(clock: Path, moment: datetime, timeout: float = 10) -> None:
    """Move the server's clock to `moment` and wait until the server has taken it."""
    wanted = f"{moment.isoformat()} {time.monotonic_ns()}"  # a new text even for one moment
    _write(clock, wanted)
    deadline = time.monotonic() + timeout
    while not (_seen(clock).exists() and _seen(clock).read_text() == wanted):
        if time.monotonic() > deadline:
            raise RuntimeError("The browser tests' server did not take the new moment.")
        time.sleep(0.01)


def main() -> None:
    clock = Path(sys.argv[1])
    shown = clock.read_text()
    traveller = time_machine.travel(datetime.fromisoformat(shown.split()[0]), tick=True).start()
    threading.Thread(target=_follow, args=(clock, traveller, shown), daemon=True).start()
    from django.core.management import execute_from_command_line

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lokomp.settings")
    execute_from_command_line(["manage.py", *sys.argv[2:]])


if __name__ == "__main__":
    main()
