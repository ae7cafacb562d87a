"""Onboarding of new employees: who is enrolled in a programme (by start date, nothing to
sign up), which steps they have done, and who is due, overdue or done.

A leader's ticks are saved cell by cell: only what the writer changed is written, so two
leaders of a unit ticking at once do not undo each other."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from lokomp.core.audit import log_action
from lokomp.registry.models import Unit

from .models import Employee, OnboardingProgramme, OnboardingStep, StepDone

DONE, DUE, OVERDUE = "done", "due", "overdue"
# A reminder names who is overdue and who is due within this many days.
REMIND_DAYS = 14


def enrolled_q(programme: OnboardingProgramme, today: date) -> Q:
    """Employees enrolled in the programme: started within its window, still at work,
    name not deleted."""
    q = Q(start_date__gte=programme.window_start, purged_at__isnull=True)
    q &= Q(end_date__isnull=True) | Q(end_date__gte=today)
    if programme.window_end:
        q &= Q(start_date__lte=programme.window_end)
    return q


def programmes_for(unit: Unit) -> QuerySet[OnboardingProgramme]:
    """The programmes in use in the partnerships the unit's owner belongs to."""
    return (
        OnboardingProgramme.objects.filter(
            active=True, partnership__owner_links__owner=unit.owner_id
        )
        .select_related("partnership")
        .prefetch_related("steps")
        .distinct()
    )


@dataclass
class Enrolled:
    employee: Employee
    due: date
    done: set[int] = field(default_factory=set)  # step ids
    steps: list[OnboardingStep] = field(default_factory=list)

    def status(self, today: date) -> str:
        if self.steps and all(s.pk in self.done for s in self.steps):
            return DONE
        return OVERDUE if today > self.due else DUE

    @property
    def cells(self) -> list[tuple[OnboardingStep, bool]]:
        return [(s, s.pk in self.done) for s in self.steps]


@dataclass
class ProgrammeRows:
    programme: OnboardingProgramme
    rows: list[Enrolled]
    today: date

    @property
    def counts(self) -> dict[str, int]:
        found = {DONE: 0, DUE: 0, OVERDUE: 0}
        for row in self.rows:
            found[row.status(self.today)] += 1
        return found

    @property
    def ticked(self) -> str:
        """The cells ticked as the page shows them (sent back as "before")."""
        return " ".join(cell(r.employee.pk, s.pk) for r in self.rows for s, done in r.cells if done)

    @property
    def shown(self) -> list[tuple[Enrolled, str]]:
        """Overdue first, then due (soonest first), then done."""
        order = {OVERDUE: 0, DUE: 1, DONE: 2}
        rows = [(r, r.status(self.today)) for r in self.rows]
        return sorted(rows, key=lambda x: (order[x[1]], x[0].due, x[0].employee.name))


def unit_programmes(unit: Unit, today: date) -> list[ProgrammeRows]:
    """Each programme with the unit's enrolled employees and what they have done. Two
    queries, and two per programme."""
    found = []
    for programme in programmes_for(unit):
        steps = list(programme.steps.all())
        employees = list(
            Employee.objects.filter(enrolled_q(programme, today), unit=unit).order_by("name")
        )
        done = defaultdict(set)
        for employee_id, step_id in StepDone.objects.filter(
            step__programme=programme, employee__in=employees
        ).values_list("employee_id", "step_id"):
            done[employee_id].add(step_id)
        rows = [
            Enrolled(
                employee=e,
                due=e.start_date + timedelta(days=programme.due_days),
                done=done[e.pk],
                steps=steps,
            )
            for e in employees
        ]
        found.append(ProgrammeRows(programme, rows, today))
    return found


def cell(employee_id: int, step_id: int) -> str:
    return f"s-{employee_id}-{step_id}"


def read_cells(text: str) -> set[str]:
    """The ticked cells a page showed ("s-12-3 s-12-4 …"), bounded."""
    return {c for c in text.split()[:20000] if c.startswith("s-") and len(c) <= 40}


@transaction.atomic
def marks_save(
    *,
    unit: Unit,
    programme: ProgrammeRows,
    before: set[str],
    after: set[str],
    user,
    today: date,
) -> int:
    """Write the cells the writer changed (ticked or unticked) and nothing else. A cell is
    yes or no, so a cell someone else changed meanwhile already holds what this writer
    wants; cells this writer left alone keep whatever others saved. Returns how many
    cells changed."""
    allowed = {cell(r.employee.pk, s.pk): (r.employee, s) for r in programme.rows for s in r.steps}
    changed = sorted(c for c in (before ^ after) if c in allowed)
    added = [
        StepDone(step=allowed[c][1], employee=allowed[c][0], done_on=today, recorded_by=user)
        for c in changed
        if c in after
    ]
    StepDone.objects.bulk_create(added, ignore_conflicts=True)
    removed = Q(pk__in=[])
    for c in changed:
        if c not in after:
            removed |= Q(employee=allowed[c][0], step=allowed[c][1])
    StepDone.objects.filter(removed).delete()
    if changed:
        log_action(
            "participation.onboarding.marked",
            user=user,
            obj=programme.programme,
            changes={_("Gjennomført"): [len(changed) - len(added), len(added)]},
            county=unit.municipality.county,
        )
    return len(changed)


@dataclass
class Reminder:
    unit: Unit
    rows: list[tuple[OnboardingProgramme, Enrolled, str]]


def reminders_for(units: list[Unit], today: date) -> list[Reminder]:
    """Per unit: who is overdue or due within two weeks, in every programme."""
    found = []
    for unit in units:
        rows = []
        for programme in unit_programmes(unit, today):
            for row, status in programme.shown:
                if status == OVERDUE or (
                    status == DUE and row.due <= today + timedelta(days=REMIND_DAYS)
                ):
                    rows.append((programme.programme, row, status))
        if rows:
            found.append(Reminder(unit, rows))
    return found


def save_steps(programme: OnboardingProgramme, titles: list[str]) -> None:
    """The steps as listed, in order: a step keeps its place (and what was recorded for it)
    when its title changes; steps beyond the list are removed (the form has checked that
    none of them has been done)."""
    existing = list(programme.steps.all())
    for order, title in enumerate(titles):
        if order < len(existing):
            step = existing[order]
            if (step.title, step.order) != (title, order):
                step.title, step.order = title, order
                step.save(update_fields=["title", "order"])
        else:
            OnboardingStep.objects.create(programme=programme, title=title, order=order)
    for step in existing[len(titles) :]:
        step.delete()
    if programme.step_count != len(titles):
        programme.step_count = len(titles)
        programme.save(update_fields=["step_count"])
