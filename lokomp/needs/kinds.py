"""The needs report's own question kinds, on the question engine of `core.questions`:
partners (from the registry, correctable by hand), numbers per municipality, goals and
measures (the action plan's own), the budget table, and the coordinator reason. Each kind
keeps here everything it does: load, read, parse, check, save, display, print."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokomp.core.formatting import thousands
from lokomp.core.questions import (
    FormFacts,
    Kind,
    Problem,
    Text,
    kind_for,
    label_of,
    register,
)
from lokomp.core.validators import format_account_number, is_number, is_valid_account_number
from lokomp.plans.models import Goal, GoalLevel, Responsibility

from . import budget as b
from .facts import ReportFacts
from .models import Answer, BudgetLine, NeedsReport, Question, ReportTemplate

NEW_GOAL_ROWS = 3


def budget_rows(table: dict) -> list[dict]:
    """The budget as the seed's table: one row per item, one column per year."""
    lines = table["lines"]
    years = table["years"]

    def cell(year, recipient, name):
        line = next(x for x in lines if x["year"] == year and x["recipient"] == recipient)
        return line[name], line["estimate"]

    rows: list[dict[str, Any]] = []
    for recipient, label in (
        ("owner", _("Totalt tilskudd som eier(ne) ber om")),
        ("uh", _("Totalt tilskudd som universitet og/eller høgskole ber om")),
    ):
        values = []
        for year in years:
            amount, estimate = cell(year, recipient, "amount")
            text = thousands(amount) if amount is not None else ""
            values.append(
                _("%(amount)s (anslag)") % {"amount": text} if estimate and text else text
            )
        rows.append({"label": label, "values": values})
    rows.append(
        {
            "label": _("Total sum det søkes om fra eier og UH-miljø"),
            "strong": True,
            "values": [thousands(t["total"]) for t in table["totals"]],
        }
    )
    for name in b.SHARE_FIELDS:
        values = []
        for year in years:
            parts = []
            for recipient, who in (("owner", _("Eier")), ("uh", _("UH"))):
                share, _estimate = cell(year, recipient, name)
                if share is not None:
                    parts.append(f"{who}: {share} %")
            values.append(", ".join(parts))
        rows.append({"label": str(b.SHARE_LABELS[name]), "values": values})
    if any(x.get("own_contribution") for x in lines):
        rows.append(
            {
                "label": _("Egenandel (eier)"),
                "values": [thousands(cell(year, "owner", "own_contribution")[0]) for year in years],
            }
        )
    if any(t["county_parts"] for t in table["totals"]):
        for index, (name, _amount) in enumerate(table["totals"][0]["county_parts"]):
            rows.append(
                {
                    "label": _("Herav til Statsforvalteren i %(county)s") % {"county": name},
                    "values": [thousands(t["county_parts"][index][1]) for t in table["totals"]],
                }
            )
    return rows


# -- where a report's answers come from ------------------------------------------------------


def budget_years(template: ReportTemplate, year: int) -> list[int]:
    """The years the form's budget asks for (the question says how many; three at most)."""
    question = next((q for q in template.all_questions() if q.kind == "budget"), None)
    return years_from(question.options if question else {}, year)


def years_from(options: dict, year: int) -> list[int]:
    return [year + i for i in range(options.get("years", 3))]


def county_parts(partnership, shares=None) -> list[tuple[str, Decimal]] | None:
    """Each county's percentage where the partnership spans counties: the home county
    takes what the others do not. One query, none when the shares are given."""
    shares = list(partnership.county_shares.select_related("county")) if shares is None else shares
    if not shares:
        return None
    home = 100 - sum(s.percent for s in shares)
    return [(partnership.county.name, home)] + [(s.county.name, s.percent) for s in shares]


def stored_lines(
    report: NeedsReport, stored: list[BudgetLine] | None = None, years: list[int] | None = None
) -> list[b.Line]:
    """The budget table's cells: every year and recipient, stored or blank."""
    stored = list(report.budget.all()) if stored is None else stored
    by_key = {(line.year, line.recipient): line for line in stored}
    lines = []
    for year in years or budget_years(report.template, report.year):
        for recipient in ("owner", "uh"):
            found = by_key.get((year, recipient))
            line = b.Line(year=year, recipient=recipient)
            if found is not None:
                for f in fields(b.Line):
                    setattr(line, f.name, getattr(found, f.name))
            lines.append(line)
    return lines


class ReportSource:
    """A needs report's stored answers and the facts its questions show, each read once
    per page. `full` for a snapshot: everything the report says, also what the editor does
    not edit (the measures' rows)."""

    def __init__(
        self, report: NeedsReport, answers: dict[int, Answer] | None = None, *, full=False
    ):
        self.report = report
        self.facts = ReportFacts(report)
        self.full = full
        self._answers = answers

    @property
    def answers(self) -> dict[int, Answer]:
        if self._answers is None:
            self._answers = {
                a.question_id: a for a in self.report.answers.select_related("updated_by")
            }
        return self._answers

    def stored_answer(self, question) -> dict | None:
        answer = self.answers.get(question.pk)
        if answer is None:
            return None
        return {"text": answer.text, "choice": answer.choice, "data": dict(answer.data)}

    @cached_property
    def lines(self) -> list[b.Line]:
        return stored_lines(self.report)

    @cached_property
    def county_parts(self):
        return county_parts(self.report.partnership)

    @cached_property
    def measures(self) -> list:
        measures = self.report.plan.measures.select_related("scheme")
        if self.full:
            measures = measures.prefetch_related(
                Prefetch(
                    "responsibilities",
                    queryset=Responsibility.objects.select_related("institution", "owner"),
                )
            )
        return list(measures)

    def form_facts(self) -> FormFacts:
        """The content of every question of the form by kind, for rules across answers."""
        contents: dict[str, dict] = {}
        for question in self.report.template.all_questions():
            if question.kind in ("coordinator",):
                contents.setdefault(question.kind, kind_for(question.kind).load(question, self))
        return FormFacts(contents=contents, year=self.report.year)

    def save_answer(self, question: Question, content: dict) -> None:
        answer = self.answers.get(question.pk) or Answer(report=self.report, question=question)
        answer.text, answer.choice, answer.data = (
            content.get("text", ""),
            content.get("choice"),
            content.get("data", {}),
        )
        self.answers[question.pk] = answer


# -- kinds ------------------------------------------------------------------------------------


@register
class CoordinatorReason(Text):
    """Why a coordinator is needed: a text the budget's coordinator share depends on."""

    code = "coordinator"
    label = gettext_lazy("Begrunnelse for koordinator")


@register
class Partners(Kind):
    """What the registry and the partnership know of the partners (seed 003 §2), shown as
    the answer until a coordinator corrects it; an account number where funds are paid."""

    code = "partners"
    label = gettext_lazy("Partnere")
    template = "needs/kinds/partners.html"
    EXTRA = ("account", "reference")

    def takes_account(self, question) -> bool:
        return question.options.get("part") in ("funds_owner", "uh")

    def load(self, question, source):
        content = super().load(question, source)
        return {**content, "registry": source.facts.partner_text(question)}

    def show(self, state):
        super().show(state)
        for key in self.EXTRA:
            state.values[f"{state.name}-{key}"] = state.content.get("data", {}).get(key, "")

    def read(self, state, post):
        super().read(state, post)
        for key in self.EXTRA:
            state.values[f"{state.name}-{key}"] = post.get(f"{state.name}-{key}", "")

    def parse(self, state):
        text = state.values.get(state.name, "")
        registry = state.content.get("registry", "")
        if text.strip() == registry.strip():
            text = ""  # the same as the registry: keep following it
        data = {k: state.values.get(f"{state.name}-{k}", "") for k in self.EXTRA}
        return {
            "text": text,
            "choice": None,
            "data": {k: v for k, v in data.items() if v},
            "registry": registry,
        }

    def context(self, state, source):
        text = state.values.get(state.name, "")
        registry = state.content.get("registry", "")
        return {
            "registry": registry,
            "shown": text or registry,
            "corrected": bool(text.strip()) and text.strip() != registry.strip(),
            "takes_account": self.takes_account(state.question),
        }

    def answered(self, content):
        return bool((content.get("text") or content.get("registry", "")).strip())

    def check(self, question, content, facts):
        found = super().check(question, content, facts)
        account = str(content.get("data", {}).get("account", "") or "")
        if account.strip() and not is_valid_account_number(account):
            found.append(
                Problem(
                    f"q{question.pk}-account",
                    _("Kontonummeret er ikke gyldig (kontrollsifferet stemmer ikke)."),
                )
            )
        return found

    def display(self, question, content, facts):
        text, data = content.get("text", ""), content.get("data", {})
        registry = content.get("registry", "")
        extra = []
        if data.get("account"):
            extra.append(
                _("Kontonr: %(account)s") % {"account": format_account_number(data["account"])}
            )
        if data.get("reference"):
            extra.append(_("Merkes med: %(reference)s") % {"reference": data["reference"]})
        full = "\n".join([text or registry, *extra]).strip()
        return full, {
            "registry": registry,
            "corrected": bool(text) and text != registry,
            "account": data.get("account", ""),
        }


@register
class NumbersPerMunicipality(Kind):
    """How many units of a kind per municipality: the registry's count, correctable."""

    code = "numbers"
    label = gettext_lazy("Antall per kommune")
    template = "needs/kinds/numbers.html"
    print_template = "questions/print/plain.html"

    def load(self, question, source):
        stored = (source.stored_answer(question) or {}).get("data", {})
        rows = []
        for count in source.facts.counts(question):
            key = str(count.municipality.pk)
            rows.append(
                {
                    "id": count.municipality.pk,
                    "municipality": count.municipality.name,
                    "registry": count.registry,
                    "number": stored.get(key, count.registry),
                }
            )
        return {"rows": rows}

    def _name(self, state, row) -> str:
        return f"{state.name}-m{row['id']}"

    def show(self, state):
        for row in state.content["rows"]:
            state.values[self._name(state, row)] = str(row["number"])

    def read(self, state, post):
        for row in state.content["rows"]:
            name = self._name(state, row)
            state.values[name] = post.get(name, "").strip()

    def parse(self, state):
        rows = []
        for row in state.content["rows"]:
            name = self._name(state, row)
            raw = str(state.values.get(name, "")).replace(" ", "")
            number = row["registry"] if raw == "" else row["number"]
            if raw and (not is_number(raw) or len(raw) > 9):
                state.add("errors", name, _("Skriv antallet som et helt tall."))
            elif raw:
                number = int(raw)
            rows.append({**row, "number": number})
        return {"rows": rows}

    def context(self, state, source):
        rows = []
        for row in state.content["rows"]:
            name = self._name(state, row)
            shown = state.values.get(name, "")
            rows.append(
                {
                    **row,
                    "name": name,
                    "value": shown if shown != "" else row["registry"],
                    "corrected": str(shown) != "" and str(shown) != str(row["registry"]),
                    "messages": state.messages_for(name),
                }
            )
        return {"rows": rows}

    def answered(self, content):
        return True  # the registry's count is an answer

    def display(self, question, content, facts):
        rows = content["rows"]
        total = sum(r["number"] for r in rows)
        listed = [r for r in rows if r["number"]]
        shown = _("%(total)s totalt") % {"total": total}
        if listed:
            shown += _(" fordelt på: ") + ", ".join(
                f"{r['municipality']}: {r['number']}" for r in listed
            )
        value = {
            "rows": [
                {
                    "municipality": r["municipality"],
                    "number": r["number"],
                    "registry": r["registry"],
                }
                for r in rows
            ],
            "total": total,
        }
        return (shown if total else _("Ingen")), value

    def save(self, state, content, source) -> dict:
        data = {str(r["id"]): r["number"] for r in content["rows"] if r["number"] != r["registry"]}
        source.save_answer(state.question, {"text": "", "choice": None, "data": data})
        return content


@register
class Goals(Kind):
    """The action plan's goals (long-term and sub-goals): editing them here edits the plan."""

    code = "goals"
    label = gettext_lazy("Mål")
    template = "needs/kinds/goals.html"
    print_template = "questions/print/goals.html"
    single = True

    def load(self, question, source):
        level = question.options.get("level")
        return {
            "goals": [
                {"id": g.pk, "level": g.level, "text": g.text, "order": g.order}
                for g in source.facts.goals
                if level is None or g.level == level
            ]
        }

    def show(self, state):
        for goal in state.content["goals"]:
            state.values[f"{state.name}-goal-{goal['id']}"] = goal["text"]

    def read(self, state, post):
        for goal in state.content["goals"]:
            key = f"{state.name}-goal-{goal['id']}"
            state.values[key] = post.get(key, goal["text"])
        for n in range(NEW_GOAL_ROWS):
            for part in ("new", "newlevel"):
                key = f"{state.name}-{part}-{n}"
                state.values[key] = post.get(key, "")

    def parse(self, state):
        level = state.question.options.get("level")
        goals = []
        for goal in state.content["goals"]:
            text = str(state.values.get(f"{state.name}-goal-{goal['id']}", "")).strip()
            if text:
                goals.append({**goal, "text": text})
        for n in range(NEW_GOAL_ROWS):
            text = str(state.values.get(f"{state.name}-new-{n}", "")).strip()
            if text:
                chosen = level or state.values.get(f"{state.name}-newlevel-{n}") or GoalLevel.SUB
                if chosen not in GoalLevel.values:
                    chosen = GoalLevel.SUB
                goals.append({"id": None, "level": chosen, "text": text, "order": None})
        return {"goals": goals}

    def context(self, state, source):
        goals = []
        for number, goal in enumerate(state.content["goals"], start=1):
            if goal["id"] is None:
                continue
            goals.append(
                {
                    "name": f"{state.name}-goal-{goal['id']}",
                    "label": f"{GoalLevel(goal['level']).label} {number}",
                    "value": state.values.get(f"{state.name}-goal-{goal['id']}", goal["text"]),
                }
            )
        new = [
            {
                "name": f"{state.name}-new-{n}",
                "level_name": f"{state.name}-newlevel-{n}",
                "value": state.values.get(f"{state.name}-new-{n}", ""),
                "level": state.values.get(f"{state.name}-newlevel-{n}", ""),
            }
            for n in range(NEW_GOAL_ROWS)
        ]
        return {"goals": goals, "new": new, "plan_label": source.report.plan.school_year_label}

    def answered(self, content):
        return bool(content["goals"])

    def missing_message(self, question):
        return _("Skriv minst ett mål: %(question)s") % {"question": label_of(question)}

    def display(self, question, content, facts):
        goals = content["goals"]
        grouped = [
            {"level": str(label), "goals": [g["text"] for g in goals if g["level"] == value]}
            for value, label in GoalLevel.choices
        ]
        grouped = [g for g in grouped if g["goals"]]
        return "\n".join(f"• {g['text']}" for g in goals), grouped

    def docx(self, document, snap_question):
        for group in snap_question["value"]:
            document.add_paragraph(group["level"])
            for goal in group["goals"]:
                document.add_paragraph(goal, style="List Bullet")

    def conflict_text(self, content):
        return "\n".join(g["text"] for g in content["goals"])

    def save(self, state, content, source) -> dict:
        """Edits the plan's goals; returns them as the plan now holds them."""
        plan = source.report.plan
        kept = {g["id"]: g["text"] for g in content["goals"] if g["id"] is not None}
        for goal in state.content["goals"]:
            if goal["id"] not in kept:
                Goal.objects.filter(pk=goal["id"], plan=plan).delete()
            elif kept[goal["id"]] != goal["text"]:
                Goal.objects.filter(pk=goal["id"], plan=plan).update(text=kept[goal["id"]])
        orders = [g.order for g in source.facts.goals]
        next_order = max(orders, default=-1) + 1
        for goal in (g for g in content["goals"] if g["id"] is None):
            Goal.objects.create(plan=plan, level=goal["level"], text=goal["text"], order=next_order)
            next_order += 1
        source.facts.__dict__.pop("goals", None)
        return self.load(state.question, source)


@register
class Measures(Kind):
    """The action plan's measures, with an introduction written here."""

    code = "measures"
    label = gettext_lazy("Tiltak")
    template = "needs/kinds/measures.html"
    print_template = "questions/print/measures.html"
    single = True
    COLUMNS = ("", "HVA", "HVORDAN", "MÅLGRUPPE", "NÅR", "ANSVAR")

    def load(self, question, source):
        content = super().load(question, source)
        if not source.full:
            return content  # the editor edits the introduction; the rows are the plan's
        content["measures"] = [
            {
                "number": m.number,
                "title": m.title,
                "how": m.how,
                "target": m.target_summary,
                "when": m.when_display,
                "responsibility": "; ".join(str(r) for r in m.responsibilities.all()),
            }
            for m in source.measures
        ]
        return content

    def parse(self, state):
        return {**super().parse(state), "measures": state.content.get("measures", [])}

    def context(self, state, source):
        return {"measures": source.measures}

    def answered(self, content):
        return bool(content.get("measures"))

    def missing_message(self, question):
        return _("Legg inn minst ett tiltak: %(question)s") % {"question": label_of(question)}

    def display(self, question, content, facts):
        text, measures = content.get("text", ""), content.get("measures", [])
        lines = [_("Tiltak %(number)s: %(title)s (%(when)s)") % m for m in measures]
        return "\n".join([text, *lines]).strip(), {"intro": text, "measures": measures}

    def docx(self, document, snap_question):
        value = snap_question["value"]
        if value["intro"]:
            document.add_paragraph(value["intro"])
        table = document.add_table(rows=1, cols=len(self.COLUMNS))
        table.style = "Table Grid"
        for cell, title in zip(table.rows[0].cells, self.COLUMNS, strict=True):
            cell.text = title
        for measure in value["measures"]:
            cells = table.add_row().cells
            texts = [
                _("Tiltak %(number)s") % measure,
                measure["title"],
                measure["how"],
                measure["target"],
                measure["when"],
                measure["responsibility"],
            ]
            for cell, text in zip(cells, texts, strict=True):
                cell.text = text


@register
class Budget(Kind):
    """The budget table (seed 003 §3): per year and recipient, the amount, whether it is an
    estimate, the shares and the owners' own contribution. Its rules are `needs.budget`."""

    code = "budget"
    label = gettext_lazy("Budsjett")
    template = "needs/kinds/budget.html"
    print_template = "questions/print/budget.html"
    single = True
    CELLS = ("amount", "own_contribution", *b.SHARE_FIELDS)

    def load(self, question, source):
        parts = source.county_parts
        return {
            "lines": [vars(line).copy() for line in source.lines],
            "county_parts": [[name, str(percent)] for name, percent in parts] if parts else None,
            "co_financing_percent": source.report.scheme.co_financing_percent,
        }

    @staticmethod
    def lines(content: dict) -> list[b.Line]:
        names = {f.name for f in fields(b.Line)}
        return [b.Line(**{k: v for k, v in d.items() if k in names}) for d in content["lines"]]

    @staticmethod
    def parts(content: dict):
        parts = content.get("county_parts")
        return [(name, Decimal(percent)) for name, percent in parts] if parts else None

    def show(self, state):
        for line in self.lines(state.content):
            key = line.key()
            for name in self.CELLS:
                stored = getattr(line, name)
                if stored is None:
                    stored = ""
                elif name in ("amount", "own_contribution"):
                    stored = thousands(stored)
                state.values[f"{key}-{name}"] = stored
            state.values[f"{key}-estimate"] = line.estimate

    def read(self, state, post):
        for line in self.lines(state.content):
            key = line.key()
            state.values[f"{key}-estimate"] = post.get(f"{key}-estimate") == "on"
            for name in self.CELLS:
                state.values[f"{key}-{name}"] = post.get(f"{key}-{name}", "")

    def parse(self, state):
        """Cells that cannot be read keep their stored value and are shown as typed with
        the reason."""
        posted = []
        for line in self.lines(state.content):
            new = b.Line(year=line.year, recipient=line.recipient)
            key = line.key()
            new.estimate = bool(state.values.get(f"{key}-estimate"))
            for name in self.CELLS:
                parse = b.parse_amount if name in ("amount", "own_contribution") else b.parse_share
                try:
                    setattr(new, name, parse(str(state.values.get(f"{key}-{name}", ""))))
                except b.InputError as error:
                    state.add("errors", f"{key}-{name}", str(error))
                    setattr(new, name, getattr(line, name))
            posted.append(vars(new).copy())
        return {**state.content, "lines": posted}

    def context(self, state, source):
        lines = self.lines(state.content)
        rows = []
        for line in lines:
            key = line.key()
            cells = {
                name: {
                    "name": f"{key}-{name}",
                    "value": state.values.get(f"{key}-{name}", ""),
                    "messages": state.messages_for(f"{key}-{name}"),
                }
                for name in self.CELLS
            }
            rows.append(
                {
                    "key": key,
                    "year": line.year,
                    "recipient": b.RECIPIENT_LABELS[line.recipient],
                    "is_owner": line.recipient == "owner",
                    "estimate": state.values.get(f"{key}-estimate", line.estimate),
                    "cells": cells,
                    "shares_sum": sum(s or 0 for s in line.shares),
                    "messages": state.messages_for(f"{key}-shares"),
                }
            )
        return {
            "rows": rows,
            "totals": b.totals(lines, self.parts(state.content)),
            "co_financing_percent": state.content.get("co_financing_percent"),
            "scheme": source.report.scheme,
        }

    def answered(self, content):
        return any(line.amount for line in self.lines(content))

    def missing_message(self, question):
        return _("Budsjettet mangler beløp.")

    def check(self, question, content, facts):
        found = (
            []
            if self.answered(content) or not question.required
            else [Problem(f"q{question.pk}", self.missing_message(question), missing=True)]
        )
        reason = facts.contents.get("coordinator", {}).get("text", "")
        for problem in b.problems(
            self.lines(content),
            coordinator_reason=reason,
            co_financing_percent=content.get("co_financing_percent"),
        ):
            found.append(Problem(problem.field, problem.message))
        return found

    def display(self, question, content, facts):
        lines = self.lines(content)
        totals = b.totals(lines, self.parts(content))
        shown = "\n".join(
            _("%(year)s: eier %(owner)s kr, UH %(uh)s kr, totalt %(total)s kr")
            % {
                "year": t.year,
                "owner": thousands(t.owner),
                "uh": thousands(t.uh),
                "total": thousands(t.total),
            }
            + (_(" (anslag)") if t.estimate else "")
            for t in totals
        )
        table = {
            "years": [t.year for t in totals],
            "lines": [vars(line) | {"key": line.key()} for line in lines],
            "totals": [
                {
                    "year": t.year,
                    "owner": t.owner,
                    "uh": t.uh,
                    "total": t.total,
                    "estimate": t.estimate,
                    "county_parts": t.county_parts,
                }
                for t in totals
            ],
        }
        return shown, table

    def conflict_text(self, content):
        return "; ".join(
            f"{b.RECIPIENT_LABELS[o.recipient]} {o.year}: {thousands(o.amount)} kr"
            for o in self.lines(content)
            if o.amount
        )

    def docx(self, document, snap_question):
        table_data = snap_question["value"]
        table = document.add_table(rows=1, cols=1 + len(table_data["years"]))
        table.style = "Table Grid"
        header = table.rows[0].cells
        header[0].text = _("Innhold")
        for cell, year in zip(header[1:], table_data["years"], strict=True):
            cell.text = _("Sum %(year)s") % {"year": year}
        for row in budget_rows(table_data):
            cells = table.add_row().cells
            cells[0].text = row["label"]
            for cell, value in zip(cells[1:], row["values"], strict=True):
                cell.text = value

    def save(self, state, content, source) -> dict:
        report = source.report
        stored = {(line.year, line.recipient): line for line in report.budget.all()}
        old = {(d["year"], d["recipient"]): d for d in state.content["lines"]}
        for line in self.lines(content):
            if vars(line) == old.get((line.year, line.recipient)):
                continue
            row = stored.get((line.year, line.recipient)) or BudgetLine(
                report=report, year=line.year, recipient=line.recipient
            )
            for f in fields(b.Line):
                setattr(row, f.name, getattr(line, f.name))
            row.save()
        source.__dict__.pop("lines", None)
        return content
