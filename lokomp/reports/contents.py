"""What a progress report says, read from the plans and what was recorded against them:
for each goal its measures; for each measure what was planned and held in the period, the
attendance, what the evaluations say, and the money spent; the partnership's coverage; and
the economy per scheme and recipient (asked, granted, spent).

`build` returns plain data (numbers, strings, lists), so a submitted report can be kept
as it was sent (`ProgressReport.snapshot`) and shown, printed and exported from the same
data as a draft. The number of queries does not grow with the report."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Avg, Count, Sum
from django.utils.translation import gettext as _

from lokomp.core.when import school_year_label, school_year_of
from lokomp.evaluation.models import SMALLEST_GROUP, Answer, QuestionKind, Response
from lokomp.needs.models import Recipient
from lokomp.participation.coverage import Figures, unit_figures, year_end
from lokomp.participation.models import Attendance
from lokomp.partnerships.models import Scheme
from lokomp.plans.models import Activity, ActivityKind, Goal, Measure, Status
from lokomp.plans.queries import units_of

from . import overview
from .models import Expense, ProgressReport

RECIPIENTS = [Recipient.OWNER, Recipient.UH]
SUMMARY = "summary"  # the key of the report's summary among its texts


def day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def period_label(report: ProgressReport) -> str:
    return f"{day(report.period_start)}–{day(report.period_end)}"


def school_years(report: ProgressReport) -> list[int]:
    return list(range(school_year_of(report.period_start), school_year_of(report.period_end) + 1))


def measures_of(report: ProgressReport):
    """The measures the report covers: those of the plans for the school years the period
    touches, of the report's scheme or the one measure it is about."""
    measures = Measure.objects.filter(
        plan__partnership_id=report.partnership_id, plan__school_year__in=school_years(report)
    )
    if report.measure_id:
        measures = measures.filter(pk=report.measure_id)
    elif report.scheme_id:
        measures = measures.filter(scheme_id=report.scheme_id)
    return measures


def build(report: ProgressReport, today: date) -> dict:
    measures = list(
        measures_of(report)
        .select_related("plan", "scheme")
        .prefetch_related("goals")
        .order_by("plan__school_year", "number")
    )
    measure_ids = [m.pk for m in measures]
    activities = list(
        Activity.objects.filter(
            measure_id__in=measure_ids,
            when_start__gte=report.period_start,
            when_start__lte=report.period_end,
        )
        .annotate(held=overview.held(today))
        .order_by("when_start", "when_start_time", "pk")
    )
    activity_ids = [a.pk for a in activities]
    attendance = {
        row["activity"]: row
        for row in Attendance.objects.filter(activity_id__in=activity_ids)
        .values("activity")
        .annotate(named=Count("employee"), counted=Sum("count"), units=Count("unit", distinct=True))
        .order_by()
    }
    reached = {
        row["activity__measure"]: row
        for row in Attendance.objects.filter(activity_id__in=activity_ids)
        .values("activity__measure")
        .annotate(
            named=Count("employee", distinct=True),
            counted=Sum("count"),
            units=Count("unit", distinct=True),
        )
        .order_by()
    }
    responses = dict(
        Response.objects.filter(evaluation__activity_id__in=activity_ids)
        .values("evaluation__activity")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("evaluation__activity", "n")
    )
    averages: dict[int, list[dict]] = defaultdict(list)
    for row in (
        Answer.objects.filter(
            response__evaluation__activity_id__in=activity_ids,
            value__isnull=False,
            question__kind=QuestionKind.SCALE,
        )
        .values("response__evaluation__activity__measure", "question", "question__text")
        .annotate(avg=Avg("value"), n=Count("pk"))
        .order_by("question__order", "question")
    ):
        averages[row["response__evaluation__activity__measure"]].append(
            {"text": row["question__text"], "average": round(row["avg"], 1), "answers": row["n"]}
        )
    spent: dict[int, dict[str, int]] = defaultdict(dict)
    for row in (
        Expense.objects.filter(
            measure_id__in=measure_ids,
            spent_on__gte=report.period_start,
            spent_on__lte=report.period_end,
        )
        .values("measure", "recipient")
        .annotate(s=Sum("amount"))
        .order_by()
    ):
        spent[row["measure"]][row["recipient"]] = row["s"]

    by_measure: dict[int, list] = defaultdict(list)
    for activity in activities:
        by_measure[activity.measure_id].append(activity)
    kinds = dict(ActivityKind.choices)
    statuses = dict(Status.choices)
    measure_rows = []
    for m in measures:
        rows = []
        for a in by_measure[m.pk]:
            present = attendance.get(a.pk, {})
            rows.append(
                {
                    "date": day(a.when_start),
                    "title": a.title,
                    "kind": str(kinds.get(a.kind, a.kind)),
                    "status": str(_("Gjennomført") if a.held else statuses.get(a.status, a.status)),
                    "held": a.held,
                    "cancelled": a.status == Status.CANCELLED,
                    "persons": (present.get("named") or 0) + (present.get("counted") or 0),
                    "units": present.get("units") or 0,
                    "responses": responses.get(a.pk, 0),
                }
            )
        answered = sum(r["responses"] for r in rows)
        got = reached.get(m.pk, {})
        money = spent.get(m.pk, {})
        measure_rows.append(
            {
                "key": f"measure-{m.pk}",
                "number": m.number,
                "title": m.title,
                "plan": school_year_label(m.plan.school_year),
                "scheme": str(m.scheme),
                "colour": m.scheme.colour if m.scheme else "",
                "goals": [g.pk for g in m.goals.all()],
                "activities": rows,
                "planned": len(rows),
                "held": sum(r["held"] for r in rows),
                "cancelled": sum(r["cancelled"] for r in rows),
                "persons": (got.get("named") or 0) + (got.get("counted") or 0),
                "units": got.get("units") or 0,
                "responses": answered,
                "averages": averages.get(m.pk, []) if answered >= SMALLEST_GROUP else [],
                "spent": {str(r): money.get(r, 0) for r in RECIPIENTS},
                "spent_total": sum(money.values()),
            }
        )
    return {
        "partnership": report.partnership.name,
        "period": period_label(report),
        "deadline": day(report.deadline),
        "audience": report.get_audience_display(),
        "scheme": str(report.scheme) if report.scheme else "",
        "measure": str(report.measure) if report.measure_id else "",
        "goals": _goals(report, measures, measure_rows),
        "measures": measure_rows,
        "coverage": _coverage(report, today),
        "economy": _economy(report, measures),
        "totals": {
            "planned": sum(m["planned"] for m in measure_rows),
            "held": sum(m["held"] for m in measure_rows),
            "persons": sum(m["persons"] for m in measure_rows),
            "responses": sum(m["responses"] for m in measure_rows),
        },
        "smallest_group": SMALLEST_GROUP,
    }


def _goals(report: ProgressReport, measures: list[Measure], measure_rows: list[dict]) -> list:
    """The goals of the plans, each with the measures that serve it. A report about one
    scheme or one measure shows only the goals its measures serve."""
    serving: dict[int, list[str]] = defaultdict(list)
    for row in measure_rows:
        for goal in row["goals"]:
            serving[goal].append(str(row["number"]))
    whole = not (report.scheme_id or report.measure_id)
    goals = (
        Goal.objects.filter(plan_id__in={m.plan_id for m in measures})
        .select_related("plan")
        .order_by("plan__school_year", "level", "order", "pk")
    )
    return [
        {
            "key": f"goal-{g.pk}",
            "level": g.get_level_display(),
            "text": g.text,
            "plan": school_year_label(g.plan.school_year),
            "measures": serving[g.pk],
        }
        for g in goals
        if whole or serving[g.pk]
    ]


def _coverage(report: ProgressReport, today: date) -> list[dict]:
    """The partnership's coverage at the end of each school year the period touches."""
    years = [(y, min(today, year_end(y))) for y in school_years(report)]
    per_year = unit_figures(units_of(report.partnership), years)
    rows = []
    for year, on in years:
        total = Figures()
        for figures in per_year[year].values():
            total.add(figures)
        rows.append(
            {
                "school_year": school_year_label(year),
                "on": day(on),
                "staff": total.staff,
                "basic": total.share("basic"),
                "dialogue": total.share("dialogue"),
                "supervision": total.share("supervision"),
            }
        )
    return rows


def _economy(report: ProgressReport, measures: list[Measure]) -> list[dict]:
    """Per scheme and recipient for the calendar years of the period: asked in the needs
    reports, granted in the decisions in force, and spent on the measures."""
    years = list(range(report.period_start.year, report.period_end.year + 1))
    scheme_ids = {m.scheme_id for m in measures}
    if report.scheme_id:
        scheme_ids = {report.scheme_id}
    partnership = report.partnership_id
    asked: dict[tuple, int] = defaultdict(int)
    for amount in overview.asked(years, p=partnership):
        asked[(amount.scheme, amount.recipient)] += amount.amount
    granted: dict[tuple, int] = defaultdict(int)
    for amount in overview.granted(years, p=partnership):
        granted[(amount.scheme, amount.recipient)] += amount.amount
    expenses = Expense.objects.filter(
        measure__plan__partnership_id=partnership,
        spent_on__gte=report.period_start,
        spent_on__lte=report.period_end,
    )
    if report.measure_id:
        expenses = expenses.filter(measure_id=report.measure_id)
    spent = {
        (r["measure__scheme"], r["recipient"]): r["s"]
        for r in expenses.values("measure__scheme", "recipient")
        .annotate(s=Sum("amount"))
        .order_by()
    }
    if not (report.scheme_id or report.measure_id):
        scheme_ids |= {k[0] for k in asked} | {k[0] for k in granted}
    labels = dict(Recipient.choices)
    economy = []
    for scheme in Scheme.objects.filter(pk__in=scheme_ids).order_by("order"):
        rows = []
        for recipient in RECIPIENTS:
            key = (scheme.pk, str(recipient))
            figures = {
                "asked": asked.get(key) or 0,
                "granted": granted.get(key) or 0,
                "spent": spent.get(key) or 0,
            }
            figures["left"] = figures["granted"] - figures["spent"]
            rows.append({"recipient": str(labels[recipient]), **figures})
        total = {k: sum(int(r[k]) for r in rows) for k in ("asked", "granted", "spent", "left")}
        economy.append({"scheme": scheme.name, "rows": rows, "total": total})
    return economy


def all_texts(data: dict) -> dict[str, str]:
    """The report's texts by key, the summary included, as its content holds them."""
    return {**data.get("texts", {}), SUMMARY: data.get("summary", "")}


def texts_of(report: ProgressReport) -> dict[str, str]:
    return dict(report.texts.values_list("key", "text"))


def content(report: ProgressReport, today: date) -> dict:
    """What the report says: as submitted, or as the data stands today for a draft."""
    if report.snapshot is not None:
        return report.snapshot
    data = build(report, today)
    data["texts"] = texts_of(report)
    data["summary"] = report.summary
    return data


def with_fields(data: dict, fields: dict[str, dict]) -> dict:
    """The data with each goal's and measure's text field beside it (for the templates)."""
    data = dict(data)
    data["goals"] = [g | {"field": fields.get(g["key"], {})} for g in data["goals"]]
    data["measures"] = [m | {"field": fields.get(m["key"], {})} for m in data["measures"]]
    data["summary_item"] = {"key": SUMMARY, "field": fields.get(SUMMARY, {})}
    return data


def with_texts(data: dict) -> dict:
    """The data with the stored texts beside their goals and measures (print, Word)."""
    return with_fields(data, {k: {"text": v} for k, v in all_texts(data).items()})
