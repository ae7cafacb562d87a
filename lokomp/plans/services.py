"""Operations on action plans that touch several models or carry a rule of the scheme."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from lokomp.core.audit import field_changes, log_action
from lokomp.core.when import WhenParseError, shift_years
from lokomp.partnerships.models import Partnership

from .models import ActionPlan, Goal, Measure


@transaction.atomic
def plan_create(
    *, partnership: Partnership, school_year: int, copy_previous: bool, user
) -> ActionPlan:
    """A new plan for a school year; optionally the goals and measures of the latest earlier
    plan carried over, with every NÅR moved on by the years between them."""
    plan = ActionPlan(partnership=partnership, school_year=school_year)
    plan.full_clean()
    plan.save()
    previous = (
        partnership.plans.filter(school_year__lt=school_year).order_by("-school_year").first()
        if copy_previous
        else None
    )
    if previous is not None:
        _copy_plan_content(previous, plan)
    log_action(
        "plans.plan.created",
        user=user,
        obj=plan,
        changes={_("Kopiert fra"): [None, previous.school_year_label if previous else None]},
        partnership=partnership,
    )
    return plan


@transaction.atomic
def plan_update(*, form, goals, user) -> ActionPlan:
    """Save a valid plan form and its goals; log what changed, nothing when nothing did."""
    plan = form.instance
    changes = field_changes(form)
    before = [g.text for g in plan.goals.all()]
    form.save()
    goals.save()
    after = [g.text for g in plan.goals.all()]
    if after != before:
        changes[_("Mål")] = [before, after]
    if changes:
        log_action(
            "plans.plan.changed",
            user=user,
            obj=plan,
            changes=changes,
            partnership=plan.partnership,
        )
    return plan


def _copy_plan_content(source: ActionPlan, target: ActionPlan) -> None:
    years = target.school_year - source.school_year
    goal_map: dict[int, Goal] = {}
    for goal in source.goals.all():
        old_pk = goal.pk
        goal.pk = None
        goal.plan = target
        goal.save()
        goal_map[old_pk] = goal
    for measure in source.measures.prefetch_related(
        "goals", "responsibilities", "target_municipalities", "target_units"
    ):
        goals = [goal_map[g.pk] for g in measure.goals.all() if g.pk in goal_map]
        responsibilities = list(measure.responsibilities.all())
        municipalities = list(measure.target_municipalities.all())
        units = list(measure.target_units.all())
        when = measure.when
        measure.pk = None
        measure.id = None
        measure.uid = uuid.uuid4()
        measure.plan = target
        measure.status = "planned"
        if when is not None:
            try:
                shifted = shift_years(when, years)
            except WhenParseError:  # kept as written, not placed on the calendar
                measure.set_when(None, measure.when_text)
            else:
                measure.set_when(shifted, shifted.text)
        measure.save()
        measure.goals.set(goals)
        measure.target_municipalities.set(municipalities)
        measure.target_units.set(units)
        for responsibility in responsibilities:
            responsibility.pk = None
            responsibility.measure = measure
            responsibility.save()


@transaction.atomic
def measure_save(*, form, responsibilities, user) -> Measure:
    """Save a measure with its responsibilities (ANSVAR) as one change."""
    creating = form.instance._state.adding
    changes = field_changes(form)
    measure = form.save()
    responsibilities.instance = measure
    responsibilities.save()
    if responsibilities.has_changed():
        changes["Ansvar"] = [None, [str(r) for r in measure.responsibilities.all()]]
    log_action(
        "plans.measure.created" if creating else "plans.measure.changed",
        user=user,
        obj=measure,
        changes=changes,
        partnership=measure.plan.partnership,
    )
    return measure


@transaction.atomic
def activity_save(*, form, tracks, user):
    creating = form.instance._state.adding
    changes = field_changes(form)
    activity = form.save()
    tracks.instance = activity
    tracks.save()
    if tracks.has_changed():
        changes[_("Parallelle løp")] = [None, [str(t) for t in activity.tracks.all()]]
    log_action(
        "plans.activity.created" if creating else "plans.activity.changed",
        user=user,
        obj=activity,
        changes=changes,
        partnership=activity.measure.plan.partnership,
    )
    return activity


@transaction.atomic
def measure_delete(*, measure: Measure, user) -> None:
    """Delete a measure with its activities; the audit log keeps what it was."""
    log_action(
        "plans.measure.deleted",
        user=user,
        obj=measure,
        changes={
            _("Hva"): [measure.title, None],
            _("Når"): [measure.when_text, None],
            _("Aktiviteter"): [[str(a) for a in measure.activities.all()], None],
        },
        partnership=measure.plan.partnership,
    )
    measure.delete()


@transaction.atomic
def activity_delete(*, activity, user) -> None:
    log_action(
        "plans.activity.deleted",
        user=user,
        obj=activity,
        changes={_("Tittel"): [activity.title, None], _("Når"): [activity.when_text, None]},
        partnership=activity.measure.plan.partnership,
    )
    activity.delete()
