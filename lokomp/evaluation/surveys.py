"""Mapping surveys (kartlegging) in waves.

Staff of the partnership's units answer through a link without logging in: they choose
their unit and answer statements in groups (inclusion, cross-disciplinary work, leadership,
special-needs competence) on the question engine. Each respondent holds a pseudonym code:
the first time Lokomp gives them one, and the next wave they type it in, so that the two
waves' answers can be put side by side. Lokomp stores only a keyed digest of the code; the
code itself is shown once, to the respondent.

Results are shown per unit, municipality and partnership, with the change between two
waves. A group with fewer than five respondents is never shown, and neither is a group
whose figures could be had by subtracting shown groups from a shown total
(`suppress`)."""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from lokomp.core.codes import ALPHABET
from lokomp.core.questions import Posted
from lokomp.plans.queries import units_of

from .answering import keyed_digest, states, store
from .models import (
    SMALLEST_GROUP,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveyWave,
)

OPEN_PREFIX = "Åpent:"
PSEUDONYM_LENGTH = 8


# -- the pseudonym the respondent holds ----------------------------------------------------


def _check_character(body: str) -> str:
    total = sum((i + 1) * ALPHABET.index(c) for i, c in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def new_pseudonym() -> str:
    """Eight random characters and a check character, written ABCD-EFGH-J: 39 bits of
    chance, and a mistyped character is caught."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(PSEUDONYM_LENGTH))
    code = body + _check_character(body)
    return f"{code[:4]}-{code[4:8]}-{code[8]}"


def read_pseudonym(typed: str) -> str | None:
    """The code as typed (any case, with or without dashes and spaces), or None if it is
    not a code Lokomp gave."""
    compact = "".join(c for c in typed.upper() if c.isalnum())[:20]
    if len(compact) != PSEUDONYM_LENGTH + 1 or any(c not in ALPHABET for c in compact):
        return None
    if _check_character(compact[:-1]) != compact[-1]:
        return None
    return compact


def pseudonym_digest(survey: Survey, compact: str) -> str:
    return keyed_digest(f"survey:{survey.pk}:{compact}")


# -- the questions, written as text --------------------------------------------------------


def questions_text(survey: Survey) -> str:
    """The questions as the coordinators write them: a group heading on a line starting
    with '#', then one statement per line; an open question starts with 'Åpent:'."""
    lines: list[str] = []
    group = None
    for q in survey.questions.filter(active=True):
        if q.group != group:
            group = q.group
            lines += ([""] if lines else []) + [f"# {group}"]
        lines.append(f"{OPEN_PREFIX} {q.text}" if q.kind == QuestionKind.TEXT else q.text)
    return "\n".join(lines)


@dataclass
class Parsed:
    group: str
    text: str
    kind: str


def parse_questions(text: str) -> tuple[list[Parsed], list[str]]:
    """The questions and, where the text cannot be read, what is wrong with it."""
    found: list[Parsed] = []
    problems: list[str] = []
    group = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            group = line.lstrip("#").strip()[:200]
            continue
        if not group:
            problems.append(
                _("Linje %(n)s: skriv et tema med # foran før det første spørsmålet.")
                % {"n": number}
            )
            continue
        kind = QuestionKind.SCALE
        if line.lower().startswith(OPEN_PREFIX.lower()):
            kind, line = QuestionKind.TEXT, line[len(OPEN_PREFIX) :].strip()
        if len(line) > 1000:
            problems.append(_("Linje %(n)s er for lang (høyst 1000 tegn).") % {"n": number})
            continue
        found.append(Parsed(group, line, kind))
    if not found and not problems:
        problems.append(_("Skriv minst ett spørsmål."))
    if len(found) > 100:
        problems.append(_("En kartlegging kan ha høyst 100 spørsmål."))
    return found, problems


def save_questions(survey: Survey, parsed: list[Parsed]) -> list[str]:
    """Store the questions in the order written. A question with answers that is left
    out is taken out of use (its answers stay); one that is kept keeps its answers."""
    with transaction.atomic():
        existing = {
            (q.group, q.text, q.kind): q
            for q in SurveyQuestion.objects.select_for_update().filter(survey=survey)
        }
        kept = set()
        for order, p in enumerate(parsed):
            question = existing.get((p.group, p.text, p.kind))
            if question is None:
                question = SurveyQuestion(survey=survey, group=p.group, text=p.text, kind=p.kind)
            question.order, question.active, question.number = order, True, str(order + 1)
            question.save()
            kept.add(question.pk)
        dropped = [q for q in existing.values() if q.pk not in kept]
        answered = set(
            SurveyAnswer.objects.filter(question__in=dropped).values_list("question", flat=True)
        )
        SurveyQuestion.objects.filter(pk__in=[q.pk for q in dropped if q.pk in answered]).update(
            active=False
        )
        SurveyQuestion.objects.filter(
            pk__in=[q.pk for q in dropped if q.pk not in answered]
        ).delete()
    return [q.text for q in dropped if q.pk in answered]


# -- answering -----------------------------------------------------------------------------


def active_questions(survey: Survey) -> list[SurveyQuestion]:
    return list(survey.questions.filter(active=True))


class AnswerError(ValueError):
    pass


def answer(
    *,
    wave: SurveyWave,
    unit_id: int | None,
    typed_code: str,
    device: str,
    posted: Posted,
    today: date,
):
    """Check and store one respondent's answers. Returns (states, problems, code): the
    code to show (a new one, or None where the respondent typed theirs)."""
    questions = active_questions(wave.survey)
    found = states(questions, posted)
    problems: dict[str, str] = {}
    if unit_id is None or not units_of(wave.survey.partnership).filter(pk=unit_id).exists():
        problems["unit"] = _("Velg enheten du arbeider i.")
    code = None
    if typed_code.strip():
        compact = read_pseudonym(typed_code)
        if compact is None:
            problems["code"] = _(
                "Koden stemmer ikke. Den ser slik ut: ABCD-EFGH-J. Sjekk den, eller la "
                "feltet stå tomt for å få en ny."
            )
    else:
        code = new_pseudonym()
        compact = read_pseudonym(code)
    if problems or any(s.errors for s in found):
        return found, problems, None
    assert compact is not None
    fields = {
        "wave": wave,
        "unit_id": unit_id,
        "pseudonym": pseudonym_digest(wave.survey, compact),
        "device": device,
        "submitted_on": today,
    }
    store(SurveyResponse, SurveyAnswer, fields, found)
    return found, {}, code


# -- results -------------------------------------------------------------------------------


@dataclass
class Group:
    """A unit, a municipality or the partnership, with its counts in a wave."""

    key: str
    name: str
    level: str  # "partnership", "municipality", "unit"
    parent: str | None
    respondents: dict[int, int] = field(default_factory=dict)  # wave id → count
    sums: dict[tuple[int, str], list[int]] = field(default_factory=dict)  # (wave, theme)
    paired: dict[str, list[float]] = field(default_factory=dict)  # theme → [sum, n]
    paired_n: int = 0
    hidden: set[int] = field(default_factory=set)  # waves in which it is not shown
    paired_hidden: bool = True

    def average(self, wave: int, theme: str) -> float | None:
        if wave in self.hidden:
            return None
        total, n = self.sums.get((wave, theme), (0, 0))
        return total / n if n else None

    def change(self, first: int, second: int, theme: str) -> float | None:
        before, after = self.average(first, theme), self.average(second, theme)
        return None if before is None or after is None else after - before

    def paired_change(self, theme: str) -> float | None:
        if self.paired_hidden:
            return None
        total, n = self.paired.get(theme, (0.0, 0))
        return total / n if n else None


def suppress(counts: dict[str, int], parent_of: dict[str, str | None]) -> set[str]:
    """The groups not to show, given each group's respondents and its parent (a unit's
    municipality, a municipality's partnership; None at the top). A group with fewer
    than five is hidden; a hidden parent hides its children; and among the children of a
    shown parent, if the hidden ones add up to between one and four respondents (which a
    reader could get by subtracting the shown ones from the parent), the smallest shown
    child is hidden too, until they add up to five or more."""
    hidden = {g for g, n in counts.items() if n < SMALLEST_GROUP}
    children: dict[str | None, list[str]] = defaultdict(list)
    for group, parent in parent_of.items():
        children[parent].append(group)

    def walk(group: str) -> None:
        kids = children.get(group, [])
        if group in hidden:
            hidden.update(_below(group, children))
            return
        shown = sorted((k for k in kids if k not in hidden), key=lambda k: (counts[k], k))
        rest = counts[group] - sum(counts[k] for k in shown)
        while 0 < rest < SMALLEST_GROUP and shown:
            smallest = shown.pop(0)
            hidden.add(smallest)
            rest += counts[smallest]
        for kid in kids:
            walk(kid)

    for top in children.get(None, []):
        walk(top)
    return hidden


def _below(group: str, children: dict) -> set[str]:
    found = set()
    for kid in children.get(group, []):
        found.add(kid)
        found |= _below(kid, children)
    return found


@dataclass
class Results:
    waves: list[SurveyWave]
    themes: list[str]
    groups: list[Group]
    first: SurveyWave | None
    second: SurveyWave | None
    texts: dict[str, list[str]] = field(default_factory=dict)  # open question → answers


def results(survey: Survey, first: SurveyWave | None, second: SurveyWave | None) -> Results:
    """Averages per theme for the two waves, per unit, municipality and partnership, the
    change, and the change for those who answered both times (linked by pseudonym). Three
    grouped queries, whatever the number of respondents."""
    waves = [w for w in (first, second) if w is not None]
    wave_ids = [w.pk for w in waves]
    themes = list(
        dict.fromkeys(
            survey.questions.filter(kind=QuestionKind.SCALE).values_list("group", flat=True)
        )
    )
    units = list(
        units_of(survey.partnership)
        .select_related("municipality")
        .order_by("municipality__name", "name")
    )
    top = Group("p", survey.partnership.name, "partnership", None)
    groups: dict[str, Group] = {"p": top}
    for unit in units:
        m = f"m{unit.municipality_id}"
        groups.setdefault(m, Group(m, unit.municipality.name, "municipality", "p"))
        groups[f"u{unit.pk}"] = Group(f"u{unit.pk}", unit.name, "unit", m)

    def lineage(unit_id: int) -> list[Group]:
        unit = groups.get(f"u{unit_id}")
        if unit is None:
            return []
        return [unit, groups[unit.parent], top] if unit.parent else [unit, top]

    for row in (
        SurveyResponse.objects.filter(wave_id__in=wave_ids)
        .values("wave", "unit")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        for group in lineage(row["unit"]):
            group.respondents[row["wave"]] = group.respondents.get(row["wave"], 0) + row["n"]
    for row in (
        SurveyAnswer.objects.filter(response__wave_id__in=wave_ids, value__isnull=False)
        .values("response__wave", "response__unit", "question__group")
        .annotate(s=Sum("value"), n=Count("pk"))
        .order_by()
    ):
        key = (row["response__wave"], row["question__group"])
        for group in lineage(row["response__unit"]):
            total = group.sums.setdefault(key, [0, 0])
            total[0] += row["s"]
            total[1] += row["n"]
    if first is not None and second is not None:
        _pair(groups, lineage, first, second)
    parent_of = {g.key: g.parent for g in groups.values()}
    for wave in wave_ids:
        for key in suppress(
            {g.key: g.respondents.get(wave, 0) for g in groups.values()}, parent_of
        ):
            groups[key].hidden.add(wave)
    if first is not None and second is not None:
        shown = suppress({g.key: g.paired_n for g in groups.values()}, parent_of)
        for group in groups.values():
            group.paired_hidden = group.key in shown
    found = Results(
        waves=list(survey.waves.all()),
        themes=themes,
        groups=list(groups.values()),
        first=first,
        second=second,
    )
    if second is not None and second.pk not in top.hidden:
        # The open answers of the later wave, for the partnership as a whole only: a text
        # is never shown beside a unit, where its writer could be recognised.
        for question, text in (
            SurveyAnswer.objects.filter(response__wave=second, question__kind=QuestionKind.TEXT)
            .exclude(text="")
            .order_by("question__order", "pk")
            .values_list("question__text", "text")
        ):
            found.texts.setdefault(question, []).append(text)
    return found


def _pair(groups, lineage, first: SurveyWave, second: SurveyWave) -> None:
    """Per theme, the average of each person's change between the waves, for those who
    answered both (counted where they were in the later wave)."""
    per: dict[str, dict] = defaultdict(lambda: {"unit": None, first.pk: {}, second.pk: {}})
    for row in (
        SurveyAnswer.objects.filter(
            response__wave_id__in=[first.pk, second.pk], value__isnull=False
        )
        .values("response__pseudonym", "response__wave", "response__unit", "question__group")
        .annotate(s=Sum("value"), n=Count("pk"))
        .order_by()
    ):
        person = per[row["response__pseudonym"]]
        person[row["response__wave"]][row["question__group"]] = row["s"] / row["n"]
        if row["response__wave"] == second.pk:
            person["unit"] = row["response__unit"]
    for person in per.values():
        if not person[first.pk] or not person[second.pk] or person["unit"] is None:
            continue
        for group in lineage(person["unit"]):
            group.paired_n += 1
            for theme, after in person[second.pk].items():
                before = person[first.pk].get(theme)
                if before is not None:
                    total = group.paired.setdefault(theme, [0.0, 0])
                    total[0] += after - before
                    total[1] += 1
