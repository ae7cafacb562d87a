"""When (NÅR): the time expression of measures and activities.

A coordinator writes "18. august kl. 12:00–14:00", "Uke 36", "Nov/des.", "Høst 25 – vår 26",
"2 møter høst 2025, 2 møter vår 2026", "hver onsdag kl. 14–15 i oktober", "ultimo
september", "etter jul", "Fortløpende", "Etter avtale" or "Innen 15.11.23". One value type
holds them all: a period (start, end) with a precision, an optional planned count, a
recurrence (weekly on a weekday, every other week, monthly), flags for deadlines, known
qualifiers ("planleggingsdagene"), and the original wording. Text with several parts (a line
break, a comma, "og", or a count per semester) keeps each part, so a calendar can place
each in its own period; the value's own start and end then span them all.

`parse_when` reads such text (years may be left out: they are taken from the school year),
`When.format()` prints it back as a Norwegian writes it, always with years, so that
`parse_when(w.format()) == w` for every value.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from enum import StrEnum

from dateutil.easter import easter
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _


class Precision(StrEnum):
    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEMESTER = "semester"
    SCHOOL_YEAR = "school_year"
    CONTINUOUS = "continuous"
    # "Etter avtale": agreed later, no date yet; listed, never placed.
    UNSCHEDULED = "unscheduled"

    @property
    def label(self) -> str:
        return PRECISION_LABELS[self]

    @property
    def rank(self) -> int:
        return list(Precision).index(self)


PRECISION_LABELS = {
    Precision.TIME: "klokkeslett",
    Precision.DAY: "dag",
    Precision.WEEK: "uke",
    Precision.MONTH: "måned",
    Precision.SEMESTER: "semester",
    Precision.SCHOOL_YEAR: "skoleår",
    Precision.CONTINUOUS: "fortløpende",
    Precision.UNSCHEDULED: "etter avtale",
}

MONTHS = [
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
]  # fmt: skip
# "jul" alone is Christmas ("etter jul"); July is "juli" or "jul." with its dot.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "des": 12,
}  # fmt: skip
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
NUMBER_WORDS = {
    "en": 1, "ett": 1, "ei": 1, "ein": 1, "eitt": 1,
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8,
    "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
}  # fmt: skip
# What is counted, singular → plural. The plural is stored; the printer picks the form.
COUNT_UNITS = {
    "gang": "ganger", "møte": "møter", "samling": "samlinger", "webinar": "webinarer",
    "økt": "økter", "dag": "dager", "nettverk": "nettverk", "kurs": "kurs",
}  # fmt: skip
COUNT_UNITS_SINGULAR = {plural: singular for singular, plural in COUNT_UNITS.items()}
# Nynorsk forms of what is counted, read as the stored (bokmål) plural.
NYNORSK_UNITS = {"gong": "ganger", "gongar": "ganger", "samlingar": "samlinger", "dagar": "dager"}
NYNORSK_WEEKDAYS = {"måndag": 0, "tysdag": 1, "laurdag": 5, "sundag": 6}
# The words the printer writes, in nynorsk (months, "vår" and "kl." are the same).
NYNORSK = {
    "høst": "haust", "uke": "veke", "skoleåret": "skuleåret", "fortløpende": "fortløpande",
    "innen": "innan", "hver": "kvar", "annenhver": "annakvar", "ukentlig": "vekentleg",
    "månedlig": "månadleg", "måned": "månad", "ganger": "gongar", "gang": "gong",
    "møter": "møte", "samlinger": "samlingar", "webinarer": "webinar", "dager": "dagar",
    "mandag": "måndag", "tirsdag": "tysdag", "lørdag": "laurdag", "søndag": "sundag",
    "planleggingsdagene": "planleggingsdagane",
}  # fmt: skip
RECURRENCES = {"weekly": "ukentlig", "monthly": "månedlig"}
QUALIFIERS = ("planleggingsdagene", "lunsj–lunsj", "etter avtale")

# Words that carry no time information and may be left over without a warning.
FILLER_WORDS = {
    "i", "under", "og", "på", "ved", "fra", "til", "med", "per", "pr", "kl", "om", "for",
    "en", "ett", "ei", "ca", "cirka", "totalt", "årlig", "årlige", "av", "den",
    "ein", "eitt", "frå", "årleg", "årlege", "webinara", "møta", "samlingane", *NYNORSK_UNITS,
    *COUNT_UNITS, *COUNT_UNITS.values(), "webinarene", "møtene", "samlingene",
}  # fmt: skip


# The years a time expression may name: a plan's dates, and a year on either side.
FIRST_YEAR, LAST_YEAR = 1990, 2199


def _within_years(first: int, last: int) -> None:
    if first < FIRST_YEAR or last > LAST_YEAR:
        raise WhenParseError(
            _("Lokomp plasserer tidspunkter fra %(first)s til %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )


class WhenParseError(ValueError):
    """The text holds no time expression Lokomp understands."""


@dataclass(frozen=True)
class When:
    start: date | None
    end: date | None
    precision: Precision
    start_time: time | None = None
    end_time: time | None = None
    count: int | None = None
    unit: str = ""
    recurrence: str = ""
    deadline: bool = False
    note: str = ""
    text: str = field(default="", compare=False)
    # Words of the original text that were not understood (kept, shown to the user).
    unparsed: str = field(default="", compare=False)
    # A weekly recurrence on a weekday (0 = Monday), and every how many weeks or months.
    weekday: int | None = None
    interval: int = 1
    # The parts of a text that names several ("2 møter høst, 2 møter vår"), each a When
    # without parts; the value's own start, end, precision and count span them.
    parts: tuple[When, ...] = ()

    # -- calendar helpers -------------------------------------------------------------

    @property
    def is_all_day(self) -> bool:
        return self.precision != Precision.TIME

    @property
    def is_scheduled(self) -> bool:
        return self.start is not None and self.end is not None

    def overlaps(self, first: date, last: date) -> bool:
        if self.start is None or self.end is None:
            return False
        return self.start <= last and self.end >= first

    def sort_key(self) -> tuple:
        return (
            self.start or date.max,
            self.start_time or time.min,
            self.end or date.max,
            self.precision.rank,
        )

    # -- printing ---------------------------------------------------------------------

    def format(self) -> str:
        """The value as a Norwegian writes it, with years, e.g. "15.–16. oktober 2025"."""
        if self.parts:
            text = ", ".join(part._format_part(inline=True) for part in self.parts)
        else:
            text = self._format_part(inline=False)
        if self.note:
            text += f" ({self.note})" if text else self.note
        if get_language() == "nn":
            text = _NYNORSK_WORD.sub(lambda m: NYNORSK[m.group(0)], text)
        return text[:1].upper() + text[1:]

    def _format_part(self, *, inline: bool) -> str:
        """One part; inline (in a list of parts) the count runs into its period, as in
        "2 møter høst 2025"."""
        parts: list[str] = []
        if self.count is not None:
            unit = self.unit or "ganger"
            if self.count == 1:
                unit = COUNT_UNITS_SINGULAR.get(unit, unit)
            parts.append(f"{self.count} {unit}")
        if self.recurrence:
            parts.append(_format_recurrence(self))
        if self.precision == Precision.CONTINUOUS:
            parts.append("fortløpende")
        if self.start is not None and self.end is not None:
            span = _format_span(self)
            parts.append(f"innen {span}" if self.deadline else span)
        if inline and self.count is not None and len(parts) > 1:
            parts[:2] = [f"{parts[0]} {parts[1]}"]
        return ", ".join(parts)

    def __str__(self) -> str:
        return self.format()

    # -- storing ----------------------------------------------------------------------

    def detail(self) -> dict:
        """What the columns of core.models.Scheduled do not hold, as JSON."""
        detail: dict = {}
        if self.weekday is not None:
            detail["weekday"] = self.weekday
        if self.interval != 1:
            detail["interval"] = self.interval
        if self.parts:
            detail["parts"] = [_part_json(part) for part in self.parts]
        return detail


def _part_json(part: When) -> dict:
    return {
        "start": part.start.isoformat() if part.start else None,
        "end": part.end.isoformat() if part.end else None,
        "precision": part.precision.value,
        "start_time": part.start_time.isoformat("minutes") if part.start_time else None,
        "end_time": part.end_time.isoformat("minutes") if part.end_time else None,
        "count": part.count,
        "unit": part.unit,
        "recurrence": part.recurrence,
        "deadline": part.deadline,
        **part.detail(),
    }


def part_from_json(data: dict) -> When:
    def day(value):
        return date.fromisoformat(value) if value else None

    def clock(value):
        return time.fromisoformat(value) if value else None

    return When(
        start=day(data.get("start")),
        end=day(data.get("end")),
        precision=Precision(data["precision"]),
        start_time=clock(data.get("start_time")),
        end_time=clock(data.get("end_time")),
        count=data.get("count"),
        unit=data.get("unit", ""),
        recurrence=data.get("recurrence", ""),
        deadline=bool(data.get("deadline")),
        weekday=data.get("weekday"),
        interval=data.get("interval", 1),
    )


def combine(parts: list[When], *, note: str = "", text: str = "", unparsed: str = "") -> When:
    """One value of several parts: its period spans theirs, its count is theirs together."""
    if len(parts) == 1:
        return replace(parts[0], note=note, text=text, unparsed=unparsed)
    placed = [p for p in parts if p.start is not None and p.end is not None]
    counts = [p.count for p in parts if p.count is not None]
    units = [p.unit for p in parts if p.count is not None]
    return When(
        start=min(p.start for p in placed) if placed else None,  # type: ignore[type-var]
        end=max(p.end for p in placed) if placed else None,  # type: ignore[type-var]
        precision=max((p.precision for p in parts), key=lambda p: p.rank),
        count=sum(counts) if counts else None,
        unit=units[0] if units else "",
        note=note,
        text=text,
        unparsed=unparsed,
        parts=tuple(parts),
    )


# -- calendar arithmetic -----------------------------------------------------------------


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def semester_bounds(season: str, year: int) -> tuple[date, date]:
    if season == "høst":
        return date(year, 8, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 6, 30)


def school_year_bounds(first_year: int) -> tuple[date, date]:
    return date(first_year, 8, 1), date(first_year + 1, 6, 30)


def school_year_days(first_year: int) -> tuple[date, date]:
    """Every day that belongs to a school year (August–July, as `school_year_of` counts),
    where planning days can fall."""
    return date(first_year, 8, 1), date(first_year + 1, 7, 31)


def school_year_of(day: date) -> int:
    """The first calendar year of the school year a day belongs to (August–July)."""
    return day.year if day.month >= 8 else day.year - 1


def school_year_label(first_year: int) -> str:
    return f"{first_year}–{first_year + 1}"


def iso_week_bounds(year: int, week: int) -> tuple[date, date]:
    return date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)


def _semester_name(day: date) -> str:
    return "høst" if day.month >= 7 else "vår"


# -- printer ------------------------------------------------------------------------------

_CHAINS = {
    Precision.TIME: ("day",),
    Precision.DAY: ("day",),
    Precision.WEEK: ("week", "day"),
    Precision.MONTH: ("month", "day"),
    Precision.SEMESTER: ("semester", "month", "day"),
    Precision.SCHOOL_YEAR: ("school_year", "semester", "month", "day"),
    Precision.CONTINUOUS: ("school_year", "semester", "month", "day"),
    Precision.UNSCHEDULED: ("day",),
}


def _aligned(unit: str, day: date, is_start: bool) -> bool:
    if unit == "day":
        return True
    if unit == "week":
        return day.isoweekday() == (1 if is_start else 7)
    if unit == "month":
        return day.day == 1 if is_start else day == month_end(day.year, day.month)
    if unit == "semester":
        return (day.month, day.day) in (((8, 1), (1, 1)) if is_start else ((12, 31), (6, 30)))
    if unit == "school_year":
        return (day.month, day.day) == ((8, 1) if is_start else (6, 30))
    raise ValueError(unit)


def _unit_for(precision: Precision, day: date, is_start: bool) -> str:
    for unit in _CHAINS[precision]:
        if _aligned(unit, day, is_start):
            return unit
    return "day"


def _hm(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def _format_times(when: When) -> str:
    if when.start_time is None:
        return ""
    return f" kl. {_hm(when.start_time)}" + (f"–{_hm(when.end_time)}" if when.end_time else "")


def _format_recurrence(when: When) -> str:
    """ "hver onsdag kl. 14:00–15:00", "annenhver uke", "månedlig", "annenhver måned"."""
    every = "annenhver" if when.interval == 2 else "hver"
    if when.recurrence == "weekly" and when.weekday is not None:
        text = f"{every} {WEEKDAYS[when.weekday]}"
    elif when.interval == 2:
        text = f"{every} {'uke' if when.recurrence == 'weekly' else 'måned'}"
    else:
        text = RECURRENCES[when.recurrence]
    return text + _format_times(when)


def _format_bound(unit: str, day: date) -> str:
    if unit == "week":
        iso = day.isocalendar()
        return f"uke {iso.week} {iso.year}"
    if unit == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    if unit == "semester":
        return f"{_semester_name(day)} {day.year}"
    if unit == "school_year":
        first = school_year_of(day)
        return f"skoleåret {school_year_label(first)}"
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def _format_span(when: When) -> str:
    start, end = when.start, when.end
    assert start is not None and end is not None
    start_unit = _unit_for(when.precision, start, True)
    end_unit = _unit_for(when.precision, end, False)
    has_times = when.precision == Precision.TIME

    if has_times and start == end:
        times = _hm(when.start_time) if when.start_time else ""
        if when.end_time:
            times += f"–{_hm(when.end_time)}"
        return f"{_format_bound('day', start)} kl. {times}"
    if has_times:
        first = _format_bound("day", start)
        last = _format_bound("day", end)
        if when.start_time:
            first += f" kl. {_hm(when.start_time)}"
        if when.end_time:
            last += f" kl. {_hm(when.end_time)}"
        return f"{first} – {last}"

    if start_unit == end_unit:
        if start_unit == "day":
            if start == end:
                return _format_bound("day", start)
            if (start.year, start.month) == (end.year, end.month):
                return f"{start.day}.–{end.day}. {MONTHS[end.month - 1]} {end.year}"
            if start.year == end.year:
                return f"{start.day}. {MONTHS[start.month - 1]} – {_format_bound('day', end)}"
        elif start_unit == "week":
            s_iso, e_iso = start.isocalendar(), end.isocalendar()
            if (s_iso.year, s_iso.week) == (e_iso.year, e_iso.week):
                return _format_bound("week", start)
            if s_iso.year == e_iso.year:
                return f"uke {s_iso.week}–{e_iso.week} {e_iso.year}"
        elif start_unit == "month":
            if (start.year, start.month) == (end.year, end.month):
                return _format_bound("month", start)
            if start.year == end.year:
                return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {end.year}"
        elif start_unit == "semester":
            if (start.year, _semester_name(start)) == (end.year, _semester_name(end)):
                return _format_bound("semester", start)
        elif start_unit == "school_year":
            if school_year_of(start) == school_year_of(end):
                return _format_bound("school_year", start)
    return f"{_format_bound(start_unit, start)} – {_format_bound(end_unit, end)}"


# -- parser -------------------------------------------------------------------------------

_NYNORSK_WORD = re.compile(r"\b(?:" + "|".join(sorted(NYNORSK, key=len, reverse=True)) + r")\b")
_MONTH_WORDS = sorted(
    [w for w in MONTHS + list(MONTH_ABBREVIATIONS) if w != "jul"], key=len, reverse=True
)
_M = r"(?:(?:" + "|".join(_MONTH_WORDS) + r")\b\.?|jul\.)"
_Y4 = r"(?:19|20)\d{2}"
_Y = r"(?:(?:19|20)\d{2}|'?\d{2})(?![\d:.]\d)"
_HM = r"\d{1,2}[:.]\d{2}"
_NUM = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = (
    r"(?:"
    + "|".join(
        sorted(
            set(COUNT_UNITS) | set(COUNT_UNITS.values()) | set(NYNORSK_UNITS),
            key=len,
            reverse=True,
        )
    )
    + r")"
)
_TIME = rf"(?:,?\s*(?:kl\.?\s*)?(?P<{{p}}t1>{_HM})(?:\s*-\s*(?P<{{p}}t2>{_HM}))?)"


def _time_group(prefix: str) -> str:
    return _TIME.replace("{p}", prefix)


_QUALIFIER_PATTERNS = {
    "planleggingsdagene": re.compile(r"\b(?:felles\s+)?planleggingsdag(?:ene|ane|er|ar|en)?\b"),
    "lunsj–lunsj": re.compile(r"\blunsj\s*(?:-|til)\s*lunsj\b"),
    "etter avtale": re.compile(
        r"\b(?:etter\s+(?:nærmere\s+)?avtale|(?:tidspunkt\s+)?(?:avtales|avtalast)(?:\s+(?:nærmere|senere))?)\b"
    ),
}
_CLOCK = r"\d{1,2}(?:[:.]\d{2})?"
# Parts of a month: primo (1–10), medio (11–20), ultimo (21–end), and their plain words.
_MONTH_PART_WORDS = {
    "primo": 0, "begynnelsen": 0, "byrjinga": 0, "starten": 0, "tidlig": 0,
    "medio": 1, "midten": 1, "midt": 1,
    "ultimo": 2, "slutten": 2, "utgangen": 2, "sent": 2,
}  # fmt: skip
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("deadline", re.compile(r"\binn[ea]n\b")),
    (
        "continuous",
        re.compile(r"\b(?:fortløpende|løpende|fortløpande|løpande|kontinuerlig|kontinuerleg)\b"),
    ),
    ("etter avtale", _QUALIFIER_PATTERNS["etter avtale"]),
    (
        "whole_year",
        re.compile(
            r"\bhei?le\s+(?:sk[ou]le)?året\b|\bårl(?:ig|eg)e?\b(?=.*\b(?:"
            + "|".join(sorted(set(COUNT_UNITS.values())))
            + r")\b)"
        ),
    ),
    (
        "recurrence",
        re.compile(
            r"\b(?P<r>månedlige?|ukentlige?|månadlege?|vekentlege?)\b|"
            r"\b(?P<every>hver|kvar|annenhver|annakvar|annankvar|annen\s+hver|kvar\s+andre)\s+"
            r"(?P<what>"
            + "|".join([*WEEKDAYS, *NYNORSK_WEEKDAYS])
            + r"|uke|veke|måned|månad|14\.?\s*dag)(?:en|er|a|ar)?\b"
        ),
    ),
    (
        "holiday",
        re.compile(
            r"\b(?P<w>etter|før)\s+(?P<e>jul|jula|julen|påske|påska|påsken|sommeren|sommerferien|sommaren|sommarferien)\b"
        ),
    ),
    ("planleggingsdagene", _QUALIFIER_PATTERNS["planleggingsdagene"]),
    ("lunsj–lunsj", _QUALIFIER_PATTERNS["lunsj–lunsj"]),
    (
        "numeric_date",
        re.compile(
            r"\b(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.(?P<y1>\d{4}|\d{2})(?!\d)"
            r"(?:\s*-\s*(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4}|\d{2})(?!\d))?"
        ),
    ),
    (
        "school_year",
        re.compile(
            rf"\bsk[ou]leår(?:et)?\s*(?P<y1>{_Y4})\s*[-/]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d)|"
            rf"(?<![\d.])(?P<y3>{_Y4})\s*[-/]\s*(?P<y4>\d{{4}}|\d{{2}})(?![\d.])"
        ),
    ),
    (
        "month_part",
        re.compile(
            r"\b(?:(?P<p>primo|medio|ultimo)|(?P<q>begynnelsen|byrjinga|starten|midten|slutten|utgangen)"
            rf"\s+av|(?P<r>tidlig|midt|sent)\s+i)\s+(?P<m>{_M})(?:\s*(?P<y>{_Y}))?"
        ),
    ),
    (
        "half_year",
        re.compile(rf"\b(?P<h>første|1\.|andre|2\.)\s*halvår(?:et)?\b(?:\s*(?P<y>{_Y4}))?"),
    ),
    (
        "day_range",
        re.compile(
            rf"(?<![\d.:])(?P<d1>\d{{1,2}})\.?\s*(?:(?P<m1>{_M})\s*(?P<y1>{_Y4})?)?"
            rf"(?:\s*,?\s*kl\.?\s*(?P<a1>{_HM}))?"
            rf"\s*-\s*(?P<d2>\d{{1,2}})\.?\s*(?P<m2>{_M})\s*(?P<y2>{_Y})?"
            rf"(?:\s*,?\s*kl\.?\s*(?P<a2>{_HM}))?"
        ),
    ),
    (
        "day",
        re.compile(
            rf"(?<![\d.:])(?P<d>\d{{1,2}})\.?\s*(?P<m>{_M})\s*(?P<y>{_Y})?{_time_group('')}?"
        ),
    ),
    (
        "clock",
        re.compile(
            rf"\bkl\.?\s*(?P<t1>{_CLOCK})(?:\s*-\s*(?P<t2>{_CLOCK}))?(?!\d)|"
            r"(?<![\d.:])(?P<b1>\d{1,2}(?::\d{2}|\.(?:00|15|30|45)))\s*-\s*"
            r"(?P<b2>\d{1,2}(?::\d{2}|\.(?:00|15|30|45)))(?!\d)"
        ),
    ),
    (
        "week",
        re.compile(
            rf"\b(?:uke|veke|u\.)\s*(?P<w1>\d{{1,2}})(?!\d)"
            rf"(?:\s*(?:-|/|og)\s*(?:uke\s*)?(?P<w2>\d{{1,2}})(?!\d))?"
            rf"(?:\s*,?\s*(?:i\s+)?(?P<y>{_Y4}))?"
        ),
    ),
    (
        "month_range",
        re.compile(
            rf"\b(?P<m1>{_M})\s*(?P<y1>{_Y4})?\s*(?:-|/|til)\s*(?P<m2>{_M})\s*(?P<y2>{_Y})?"
        ),
    ),
    ("month", re.compile(rf"\b(?P<m>{_M})(?:\s*(?P<y>{_Y}))?")),
    ("count_semester", re.compile(rf"\b(?P<n>{_NUM})\s+(?=(?:høst|haust|vår)\b)")),
    ("short_semester", re.compile(r"\b(?P<s>[hv])\s?(?P<y>\d{4}|\d{2})\b")),
    ("semester", re.compile(rf"\b(?P<s>høst|haust|vår)(?:en)?\b(?:\s*(?P<y>{_Y}))?")),
    (
        "count",
        re.compile(
            rf"\b(?P<n>{_NUM})\s*(?:(?P<x>x)\b\s*|(?:(?:digitale|fysiske|årlige)\s+)?"
            rf"(?P<u>{_UNIT})\b)"
        ),
    ),
]


@dataclass
class _Period:
    start: date
    end: date
    precision: Precision
    start_time: time | None = None
    end_time: time | None = None


def _normalise(text: str) -> str:
    """Lower case, one kind of dash, single spaces; a line break (pasted from a Word cell)
    separates parts like a semicolon."""
    text = text.lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = text.replace("\u00a0", " ")
    text = re.sub(r"\s*[\r\n\v\f\u2028\u2029]+\s*", " ; ", text)
    return re.sub(r"\s+", " ", text).strip(" ;")


def _month(word: str) -> int:
    word = word.rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBREVIATIONS[word]


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.lstrip("'")
    year = int(raw)
    return 2000 + year if len(raw) == 2 else year


def _given_year(raw: str) -> int:
    """A year the pattern requires (the group is never empty where this is called)."""
    year = _year(raw)
    assert year is not None
    return year


def _number(raw: str) -> int:
    return int(raw) if raw.isdigit() else NUMBER_WORDS[raw]


def _time(raw: str | None) -> time | None:
    if not raw:
        return None
    hours, _sep, minutes = re.split(r"([:.])", raw) if re.search(r"[:.]", raw) else (raw, "", "0")
    try:
        return time(int(hours), int(minutes))
    except ValueError as error:
        raise WhenParseError(_("«%(text)s» er ikke et klokkeslett.") % {"text": raw}) from error


def _date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise WhenParseError(
            _("%(day)s. %(month)s %(year)s finnes ikke.")
            % {"day": day, "month": MONTHS[month - 1], "year": year}
        ) from error


def _month_year(month: int, year: int | None, school_year: int) -> int:
    if year is not None:
        return year
    return school_year if month >= 8 else school_year + 1


def _current_school_year() -> int:
    """Where no school year is given: the one running today in Norway."""
    return school_year_of(timezone.localdate())


@dataclass
class _Scan:
    """What the patterns found in one part of a text."""

    periods: list[_Period] = field(default_factory=list)
    counts: list[tuple[int, str, bool]] = field(default_factory=list)  # (n, unit, "x")
    times: list[tuple[time | None, time | None]] = field(default_factory=list)
    deadline: bool = False
    continuous: bool = False
    whole_year: bool = False
    recurrence: str = ""
    weekday: int | None = None
    interval: int = 1
    notes: list[str] = field(default_factory=list)
    rest: str = ""


_COUNT_START = re.compile(
    rf"\b{_NUM}\s*x\b|\b{_NUM}\s+(?:(?:digitale|fysiske|årlige)\s+)?{_UNIT}\b|"
    rf"\b{_NUM}\s+(?=(?:høst|haust|vår)\b)"
)
_SEPARATOR = re.compile(r";|,(?!\d)|\bog\b")


def _holiday_period(word: str, event: str, sy: int) -> _Period:
    """ "etter jul", "før påske", "etter sommeren" in the school year `sy`."""
    spring = sy + 1
    if event.startswith("jul"):
        if word == "etter":
            return _Period(date(spring, 1, 1), date(spring, 1, 31), Precision.MONTH)
        return _Period(date(sy, 12, 1), date(sy, 12, 23), Precision.DAY)
    if event.startswith("påsk"):
        sunday = easter(spring)
        if word == "før":  # up to the day before Maundy Thursday
            return _Period(date(spring, 1, 1), sunday - timedelta(days=4), Precision.DAY)
        return _Period(sunday + timedelta(days=2), date(spring, 6, 30), Precision.DAY)
    if word == "før":  # the summer
        return _Period(date(spring, 6, 1), month_end(spring, 6), Precision.MONTH)
    return _Period(date(sy, 8, 1), month_end(sy, 8), Precision.MONTH)


def _scan(rest: str, sy: int) -> _Scan:
    """Run every pattern over the text, blanking what each understood."""
    found = _Scan()
    for kind, pattern in _PATTERNS:
        for match in list(pattern.finditer(rest)):
            g = match.groupdict()
            if kind == "deadline":
                found.deadline = True
            elif kind == "continuous":
                found.continuous = True
            elif kind == "whole_year":
                found.whole_year = True
            elif kind == "recurrence":
                if g["r"]:
                    found.recurrence = "monthly" if g["r"].startswith("mån") else "weekly"
                else:
                    what = g["what"]
                    found.interval = 1 if g["every"] in ("hver", "kvar") else 2
                    if what.startswith("14"):
                        found.interval = 2
                    found.recurrence = "monthly" if what in ("måned", "månad") else "weekly"
                    if what in WEEKDAYS:
                        found.weekday = WEEKDAYS.index(what)
                    elif what in NYNORSK_WEEKDAYS:
                        found.weekday = NYNORSK_WEEKDAYS[what]
            elif kind in QUALIFIERS:
                found.notes.append(kind)
            elif kind == "holiday":
                found.periods.append(_holiday_period(g["w"], g["e"], sy))
            elif kind == "numeric_date":
                first = (
                    _date(_given_year(g["y1"]), int(g["m1"]), int(g["d1"]))
                    if 1 <= int(g["m1"]) <= 12
                    else None
                )
                if first is None:
                    raise WhenParseError(
                        _("«%(text)s» er ikke en dato.") % {"text": match.group(0)}
                    )
                last = first
                if g["d2"]:
                    if not 1 <= int(g["m2"]) <= 12:
                        raise WhenParseError(
                            _("«%(text)s» er ikke en dato.") % {"text": match.group(0)}
                        )
                    last = _date(_given_year(g["y2"]), int(g["m2"]), int(g["d2"]))
                found.periods.append(_Period(first, last, Precision.DAY))
            elif kind == "school_year":
                first_year = int(g["y1"] or g["y3"])
                second = _year(g["y2"] or g["y4"])
                if g["y3"] and second != first_year + 1:
                    continue  # "2025 - 12. januar" is no school year; leave it to the others
                if second != first_year + 1:
                    raise WhenParseError(
                        _("«%(text)s» er ikke et skoleår (skriv for eksempel 2025–2026).")
                        % {"text": match.group(0)}
                    )
                found.periods.append(
                    _Period(*school_year_bounds(first_year), Precision.SCHOOL_YEAR)
                )
            elif kind == "month_part":
                month = _month(g["m"])
                year = _month_year(month, _year(g["y"]), sy)
                third = _MONTH_PART_WORDS[g["p"] or g["q"] or g["r"]]
                first_day = (1, 11, 21)[third]
                last_day = (10, 20, month_end(year, month).day)[third]
                first = date(year, month, first_day)
                found.periods.append(_Period(first, first.replace(day=last_day), Precision.DAY))
            elif kind == "half_year":
                given = _year(g["y"])
                if g["h"] in ("første", "1."):
                    bounds = semester_bounds("vår", given if given is not None else sy + 1)
                else:
                    bounds = semester_bounds("høst", given if given is not None else sy)
                found.periods.append(_Period(*bounds, Precision.SEMESTER))
            elif kind == "day_range":
                m2 = _month(g["m2"])
                m1 = _month(g["m1"]) if g["m1"] else m2
                y2 = _month_year(m2, _year(g["y2"]), sy)
                y1 = _given_year(g["y1"]) if g["y1"] else (y2 if m1 <= m2 else y2 - 1)
                first = _date(y1, m1, int(g["d1"]))
                last = _date(y2, m2, int(g["d2"]))
                start_time, end_time = _time(g["a1"]), _time(g["a2"])
                precision = Precision.TIME if (start_time or end_time) else Precision.DAY
                found.periods.append(_Period(first, last, precision, start_time, end_time))
            elif kind == "day":
                month = _month(g["m"])
                day = _date(_month_year(month, _year(g["y"]), sy), month, int(g["d"]))
                start_time, end_time = _time(g["t1"]), _time(g["t2"])
                precision = Precision.TIME if start_time else Precision.DAY
                found.periods.append(_Period(day, day, precision, start_time, end_time))
            elif kind == "clock":
                found.times.append((_time(g["t1"] or g["b1"]), _time(g["t2"] or g["b2"])))
            elif kind == "week":
                w1 = int(g["w1"])
                w2 = int(g["w2"]) if g["w2"] else w1
                if g["y"]:
                    y1 = y2 = int(g["y"])
                    if w2 < w1:
                        y1 -= 1
                else:
                    y1 = sy if w1 >= 27 else sy + 1
                    y2 = sy if w2 >= 27 else sy + 1
                try:
                    first = iso_week_bounds(y1, w1)[0]
                    last = iso_week_bounds(y2, w2)[1]
                except ValueError as error:
                    raise WhenParseError(
                        _("Uke %(week)s finnes ikke.") % {"week": w1 if w1 > 52 else w2}
                    ) from error
                found.periods.append(_Period(first, last, Precision.WEEK))
            elif kind == "month_range":
                m1, m2 = _month(g["m1"]), _month(g["m2"])
                y2 = _month_year(m2, _year(g["y2"]), sy)
                y1 = _given_year(g["y1"]) if g["y1"] else (y2 if m1 <= m2 else y2 - 1)
                found.periods.append(_Period(date(y1, m1, 1), month_end(y2, m2), Precision.MONTH))
            elif kind == "month":
                month = _month(g["m"])
                year = _month_year(month, _year(g["y"]), sy)
                found.periods.append(
                    _Period(date(year, month, 1), month_end(year, month), Precision.MONTH)
                )
            elif kind == "count_semester":
                found.counts.append((_number(g["n"]), "ganger", False))
            elif kind in ("semester", "short_semester"):
                season = "høst" if g["s"] in ("høst", "haust", "h") else "vår"
                given = _year(g["y"])
                semester_year = given if given is not None else (sy if season == "høst" else sy + 1)
                found.periods.append(
                    _Period(*semester_bounds(season, semester_year), Precision.SEMESTER)
                )
            elif kind == "count":
                unit = (
                    "ganger"
                    if g["x"]
                    else NYNORSK_UNITS.get(g["u"]) or COUNT_UNITS.get(g["u"], g["u"])
                )
                found.counts.append((_number(g["n"]), unit, bool(g["x"])))
            # Blank out what was understood, keeping positions for the later patterns.
            rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
    found.rest = rest
    return found


def _chunks(rest: str, sy: int) -> list[str]:
    """The parts of a text: split at line breaks, semicolons, commas and "og", and before
    each count where a part names several counts and periods ("2 møter høst 2 møter vår").
    A piece that names no period of its own belongs to the next piece (or the last)."""
    pieces: list[tuple[int, int]] = []
    position = 0
    for separator in _SEPARATOR.finditer(rest):
        pieces.append((position, separator.start()))
        position = separator.end()
    pieces.append((position, len(rest)))
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for start, end in pieces:
        if pending is not None:
            start = pending
        if _scan(rest[start:end], sy).periods:
            merged.append((start, end))
            pending = None
        elif merged and rest[merged[-1][0] : merged[-1][1]].rstrip().endswith(":"):
            # "Høst 2025:" then "2 samlinger" on the next line: the heading's part.
            merged[-1] = (merged[-1][0], end)
            pending = None
        else:
            pending = start
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(rest))
        else:
            merged.append((pending, len(rest)))
    chunks: list[str] = []
    for start, end in merged:
        text = rest[start:end]
        count_starts = [m.start() for m in _COUNT_START.finditer(text)]
        if len(count_starts) > 1 and len(_scan(text, sy).periods) > 1:
            bounds = [0, *count_starts[1:], len(text)]
            chunks.extend(text[a:b] for a, b in zip(bounds, bounds[1:], strict=False))
        else:
            chunks.append(text)
    return chunks


def _build(found: _Scan, sy: int) -> tuple[When | None, list[str]]:
    """One part from what was found: its period, count and recurrence; and the words left
    over. None where the part names no time at all."""
    periods = found.periods
    leftover = found.rest
    if found.whole_year and not periods:
        periods = [_Period(*school_year_bounds(sy), Precision.SCHOOL_YEAR)]
    if (found.continuous or found.recurrence) and not periods:
        periods = [_Period(*school_year_bounds(sy), Precision.SCHOOL_YEAR)]
    if not periods:
        return None, []
    start = min(p.start for p in periods)
    end = max(p.end for p in periods)
    if end < start:
        raise WhenParseError(_("Slutten kommer før starten."))
    _within_years(start.year, end.year)
    precision = max((p.precision for p in periods), key=lambda p: p.rank)
    if found.continuous:
        precision = Precision.CONTINUOUS
    start_time = end_time = None
    if precision == Precision.TIME:
        timed = [p for p in periods if p.precision == Precision.TIME]
        start_time = next((p.start_time for p in timed if p.start == start), None)
        end_time = next((p.end_time for p in reversed(timed) if p.end == end), None)
        if start_time is None and end_time is None:
            precision = Precision.DAY
    if found.times:
        first_time, last_time = found.times[0]
        if found.recurrence == "weekly" and found.weekday is not None:
            start_time, end_time = first_time, last_time
        elif precision == Precision.DAY and start == end and len(found.times) == 1:
            precision, start_time, end_time = Precision.TIME, first_time, last_time
        else:
            # Times that belong to no single day are not guessed at: shown as not understood.
            leftover += " " + " ".join(_hm(t) for pair in found.times for t in pair if t)
    if (
        precision == Precision.TIME
        and start == end
        and start_time
        and end_time
        and end_time <= start_time
    ):
        raise WhenParseError(_("Sluttidspunktet må komme etter starttidspunktet."))

    count: int | None = None
    unit = ""
    if found.counts:
        multiplicative = any(c[2] for c in found.counts)
        count = 1
        if multiplicative:
            for number, _unit, _x in found.counts:
                count *= number
        else:
            count = sum(number for number, _unit, _x in found.counts)
        named = [u for _n, u, x in found.counts if not x and u != "ganger"]
        unit = named[0] if named else "ganger"
    else:
        # Several separate single days ("14. og 15. oktober"): keep how many.
        days = {p.start for p in periods if p.precision in (Precision.DAY, Precision.TIME)}
        single = all(p.start == p.end for p in periods)
        if len(days) > 1 and single and len(periods) == len(days):
            count, unit = len(days), "ganger"
    if count is not None and count < 1:
        raise WhenParseError(_("Antallet må være minst 1."))
    words = [w for w in re.findall(r"[a-zæøå0-9]+(?::\d+)?", leftover) if w not in FILLER_WORDS]
    return (
        When(
            start=start,
            end=end,
            precision=precision,
            start_time=start_time,
            end_time=end_time,
            count=count,
            unit=unit if count is not None else "",
            recurrence=found.recurrence,
            deadline=found.deadline,
            weekday=found.weekday if found.recurrence == "weekly" else None,
            interval=found.interval if found.recurrence else 1,
        ),
        words,
    )


def _on_planning_days(found: _Scan, sy: int, planning_days: Sequence[date]) -> list[When]:
    """The part placed on the planning days within its period (or the school year), one
    part for each run of days in a row; the count stays with the first."""
    first, last = school_year_days(sy)
    if found.periods:
        first = max(first, min(p.start for p in found.periods))
        last = min(last, max(p.end for p in found.periods))
    days = sorted(d for d in set(planning_days) if first <= d <= last)
    if not days:
        return []
    runs: list[list[date]] = [[days[0]]]
    for day in days[1:]:
        if day - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    # The count, read as for any part (placed on the first day for the reading only).
    base, _words = _build(
        replace(found, periods=[_Period(days[0], days[0], Precision.DAY)], times=[]), sy
    )
    count = base.count if base is not None else None
    unit = base.unit if base is not None else ""
    return [
        When(
            start=run[0],
            end=run[-1],
            precision=Precision.DAY,
            count=count if n == 0 else None,
            unit=unit if n == 0 else "",
            deadline=found.deadline,
        )
        for n, run in enumerate(runs)
    ]


def parse_when(
    text: str, school_year: int | None = None, *, planning_days: Sequence[date] = ()
) -> When:
    """Read a Norwegian time expression.

    `school_year` is the first calendar year of the school year the text belongs to
    (2025 for 2025–26); it supplies years the text leaves out. `planning_days` are the
    region's planning days, where known: "planleggingsdagene (i august)" is placed on them.
    Raises WhenParseError with a Norwegian message where nothing in the text says when.
    """
    original = text.strip()
    if not original:
        raise WhenParseError(
            _("Skriv når tiltaket skal skje, for eksempel «Uke 36» eller «Høst 2025».")
        )
    if len(original) > 300:
        raise WhenParseError(_("Tidsangivelsen er for lang (høyst 300 tegn)."))
    sy = school_year if school_year is not None else _current_school_year()
    _within_years(sy, sy + 1)  # a school year runs into the next calendar year
    normalised = _normalise(original)
    # Parentheses hold remarks ("(SePU avtaler tidspunkt)", "(lunsj-lunsj)"): only the
    # known qualifiers are read there; counts and dates inside them are not the plan's.
    remarks = re.findall(r"\(([^()]*)\)", normalised)
    rest = re.sub(r"\([^()]*\)", " ", normalised)

    notes: list[str] = []
    leftover: list[str] = []
    for remark in remarks:
        for kind, pattern in _QUALIFIER_PATTERNS.items():
            if pattern.search(remark):
                notes.append(kind)
                remark = pattern.sub(" ", remark)
        leftover.extend(w for w in re.findall(r"[a-zæøå0-9]+", remark) if w not in FILLER_WORDS)

    parts: list[When] = []
    for chunk in _chunks(rest, sy):
        found = _scan(chunk, sy)
        notes.extend(found.notes)
        if planning_days and "planleggingsdagene" in found.notes:
            placed = _on_planning_days(found, sy, planning_days)
            if placed:
                parts.extend(placed)
                continue
        part, words = _build(found, sy)
        leftover.extend(words)
        if part is not None:
            parts.append(part)
    note = ", ".join(q for q in QUALIFIERS if q in notes)
    if not parts:
        # "Etter avtale", or planning days not yet known: held as such, listed, not placed.
        if notes and set(notes) <= {"etter avtale", "planleggingsdagene"}:
            return When(
                start=None,
                end=None,
                precision=Precision.UNSCHEDULED,
                note=note,
                text=original,
                unparsed=" ".join(leftover),
            )
        raise WhenParseError(
            _(
                "Forstod ikke «%(text)s». Skriv for eksempel «18. august kl. 12:00–14:00», "
                "«Uke 36», «Nov/des.», «Høst 2025 – vår 2026» eller «Fortløpende»."
            )
            % {"text": original}
        )
    return combine(parts, note=note, text=original, unparsed=" ".join(leftover))


def _shift_bound(day: date, unit: str, years: int, is_start: bool) -> date:
    if unit == "week":
        iso = day.isocalendar()
        week = min(iso.week, 52)
        return date.fromisocalendar(iso.year + years, week, 1 if is_start else 7)
    year = day.year + years
    if unit == "day":
        return date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))
    return date(year, day.month, 1) if is_start else month_end(year, day.month)


def shift_years(when: When, years: int) -> When:
    """The same time expression `years` later: "Uke 44 2025" → "Uke 44 2026",
    "høst 2025 – vår 2026" → "høst 2026 – vår 2027". Used when a plan is carried over.
    Raises WhenParseError where the later date cannot be placed (stored before the limits)."""
    if when.start is None or when.end is None:
        return when
    _within_years(when.start.year + years, when.end.year + years)
    if when.parts:
        shifted = combine([shift_years(part, years) for part in when.parts], note=when.note)
    else:
        start = _shift_bound(when.start, _unit_for(when.precision, when.start, True), years, True)
        end = _shift_bound(when.end, _unit_for(when.precision, when.end, False), years, False)
        shifted = replace(when, start=start, end=end)
    return replace(shifted, text=shifted.format())


# -- placing on a calendar -----------------------------------------------------------------

# The most dated occurrences one value expands to (a weekly meeting over two school years).
MAX_OCCURRENCES = 120


def pieces(when: When) -> list[When]:
    """The parts a calendar places one by one: each part of a text with several, else the
    value itself. Values with no date ("etter avtale") have none."""
    parts = list(when.parts) or [when]
    return [p for p in parts if p.start is not None and p.end is not None]


def occurrences(when: When) -> list[When]:
    """Each part on its own, and a recurrence as its dated occurrences: every (other)
    Wednesday of October as days, with the times given; weekly or monthly without a day as
    one week or month at a time. Other values are themselves."""
    found: list[When] = []
    for part in pieces(when):
        found.extend(_recur(part))
    return found[:MAX_OCCURRENCES]


def _recur(part: When) -> list[When]:
    assert part.start is not None and part.end is not None
    plain = replace(part, recurrence="", weekday=None, interval=1, count=None, unit="")
    if part.recurrence == "weekly" and part.weekday is not None:
        day = part.start + timedelta(days=(part.weekday - part.start.weekday()) % 7)
        days: list[date] = []
        while day <= part.end and len(days) < MAX_OCCURRENCES:
            days.append(day)
            day += timedelta(weeks=part.interval)
        precision = Precision.TIME if part.start_time else Precision.DAY
        return [
            replace(plain, start=d, end=d, precision=precision, note="", parts=()) for d in days
        ]
    if part.recurrence == "weekly":
        monday = part.start - timedelta(days=part.start.weekday())
        weeks: list[When] = []
        while monday <= part.end and len(weeks) < MAX_OCCURRENCES:
            weeks.append(
                replace(
                    plain,
                    start=max(monday, part.start),
                    end=min(monday + timedelta(days=6), part.end),
                    precision=Precision.WEEK,
                    start_time=None,
                    end_time=None,
                )
            )
            monday += timedelta(weeks=part.interval)
        return weeks
    if part.recurrence == "monthly":
        months: list[When] = []
        year, month = part.start.year, part.start.month
        while date(year, month, 1) <= part.end and len(months) < MAX_OCCURRENCES:
            months.append(
                replace(
                    plain,
                    start=max(date(year, month, 1), part.start),
                    end=min(month_end(year, month), part.end),
                    precision=Precision.MONTH,
                    start_time=None,
                    end_time=None,
                )
            )
            month += part.interval
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return months
    return [part]


def warnings(when: When) -> list[str]:
    """Days that fall on a weekend or a Norwegian public holiday, for the "Tolket som" line:
    single days, short day ranges and dated occurrences of a recurrence."""
    import holidays

    days: list[date] = []
    for occurrence in occurrences(when):
        if occurrence.precision not in (Precision.DAY, Precision.TIME):
            continue
        assert occurrence.start is not None and occurrence.end is not None
        if (occurrence.end - occurrence.start).days > 6:
            continue
        day = occurrence.start
        while day <= occurrence.end:
            days.append(day)
            day += timedelta(days=1)
    if not days:
        return []
    public = holidays.country_holidays("NO", years=sorted({d.year for d in days}), language="no")
    found = []
    for day in sorted(set(days)):
        label = f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
        if day in public:
            found.append(
                _("%(day)s er en helligdag (%(name)s).") % {"day": label, "name": public[day]}
            )
        elif day.weekday() >= 5:
            weekend = _("lørdag") if day.weekday() == 5 else _("søndag")
            found.append(_("%(day)s er en %(weekday)s.") % {"day": label, "weekday": weekend})
    return found
