"""What the year asks of whom, and by when: one registry that every stage fills.

A stage registers each kind of duty it asks of people (`register`) with a function that
finds the open duties of that kind on a day, for everyone or for some people. The start
page's «Å gjøre», the reminders and the weekly digests are all drawn from `open_duties`, so
a page and a mail never disagree. `core` defines the registry and imports no stage: each
stage registers its kinds when Django starts (its AppConfig.ready)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

# How a person wants to hear of a kind of duty.
AT_ONCE, WEEKLY, NEVER = "at_once", "weekly", "never"  # core.models.MessageChoice


@dataclass(frozen=True)
class Duty:
    """Something one person must do, on the page at `url`, by `due` (if it has a date).
    `key` names what it is about ("needs.report:12"): with the kind and the person, it is
    what makes a reminder go out once. `title` is translated when it is shown, so the page
    reads in the reader's language and a mail in the recipient's."""

    kind: str
    user_id: int
    key: str
    title: Any  # a lazily translated text
    url: str
    due: date | None = None

    def overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today

    def days_left(self, today: date) -> int | None:
        return None if self.due is None else (self.due - today).days


Finder = Callable[[date, Collection[int] | None], Iterable[Duty]]


@dataclass(frozen=True)
class DutyKind:
    """A kind of duty a stage asks of people.

    `find(today, users)` gives the open duties of this kind on `today`: for the people with
    these ids, or for everyone when `users` is None, in a bounded number of queries however
    many people there are. A duty that is done is no longer found, so nothing reminds of it.
    `reminders` are the days before the due date a reminder goes out (one on the day a
    duty appears, if that is later); an overdue duty is reminded of once. A `legal` duty is
    one the scheme's rules ask for: a person may take it in the weekly digest, but not turn
    it off."""

    code: str
    label: Any  # what the preferences page calls it, lazily translated
    find: Finder
    legal: bool = False
    reminders: tuple[int, ...] = (14, 3)
    order: int = 100


_KINDS: dict[str, DutyKind] = {}
# An overdue duty is mailed about once, if it fell due within this many days.
OVERDUE_DAYS = 30


def register(kind: DutyKind) -> None:
    """Called once per kind from the stage's AppConfig.ready()."""
    if kind.code in _KINDS and _KINDS[kind.code] != kind:
        raise ValueError(f"duty kind {kind.code!r} is registered twice")
    _KINDS[kind.code] = kind


def kinds() -> list[DutyKind]:
    return sorted(_KINDS.values(), key=lambda k: (k.order, k.code))


def kind(code: str) -> DutyKind:
    return _KINDS[code]


def open_duties(today: date, users: Collection[int] | None = None) -> list[Duty]:
    """Every open duty on `today`, for the people with these ids (everyone when None):
    overdue first, then by due date, then those without a date."""
    found: list[Duty] = []
    for duty_kind in kinds():
        found.extend(duty_kind.find(today, users))
    return sorted(found, key=lambda d: (d.due is None, d.due or date.max, str(d.title)))


def duties_of(user_id: int, today: date) -> list[Duty]:
    """One person's open duties: the start page's «Å gjøre»."""
    return open_duties(today, {user_id})


def occasion(duty: Duty, today: date) -> str | None:
    """Which reminder of the duty is due on `today`, if any: "ny" for a duty without a date
    (once), "frist-N" from N days before the due date (the nearest N that has come), and
    "forfalt" once the date has passed (within OVERDUE_DAYS of it). Each occasion is sent at
    most once (the message's uniqueness rule), so a run that comes late or twice sends what
    is due, once."""
    left = duty.days_left(today)
    if left is None:
        return "ny"
    if left < 0:
        # Long overdue is on the start page, not mailed anew (the day Lokomp starts
        # reminding, nobody gets a year of old deadlines).
        return f"forfalt:{duty.due}" if -left <= OVERDUE_DAYS else None
    for days in sorted(kind(duty.kind).reminders):
        if left <= days:
            return f"frist-{days}:{duty.due}"  # a moved deadline is reminded of again
    return None
