"""What the registry and the partnership already know, for the partner questions of the
needs report (seed 003 §2.1–2.14). Coordinators can correct it by hand; the page then shows
the difference."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from lokomp.accounts.models import Role
from lokomp.core.validators import format_org_number
from lokomp.registry.models import Municipality, Unit, UnitKind

from .models import NeedsReport, Question


@dataclass
class MunicipalityCount:
    municipality: Municipality
    registry: int


@dataclass
class ReportFacts:
    """Read when first needed, once per page: the partnership's owners, institutions,
    coordinators and units."""

    report: NeedsReport

    @cached_property
    def owner_links(self) -> list:
        return list(
            self.report.partnership.owner_links.select_related("owner", "owner__municipality")
        )

    @cached_property
    def institution_links(self) -> list:
        return list(self.report.partnership.institution_links.select_related("institution"))

    @cached_property
    def units(self) -> list[Unit]:
        return list(
            Unit.objects.filter(owner__partnership_links__partnership=self.report.partnership)
            .select_related("municipality", "owner")
            .order_by("municipality__name", "name")
        )

    @cached_property
    def goals(self) -> list:
        """The plan's goals (a report's goals are the action plan's)."""
        return list(self.report.plan.goals.all())

    @cached_property
    def uh_coordinators(self) -> list:
        return [
            role.user
            for role in self.report.partnership.role_assignments.filter(
                role=Role.COORDINATOR, side="uh"
            ).select_related("user")
        ]

    @property
    def municipalities(self) -> list[Municipality]:
        seen: dict[int, Municipality] = {}
        for unit in self.units:
            seen.setdefault(unit.municipality_id, unit.municipality)
        return sorted(seen.values(), key=lambda m: m.name)

    def counts(self, question: Question) -> list[MunicipalityCount]:
        kind = question.options.get("unit_kind")
        owner_kind = question.options.get("owner_kind")
        counted = Counter(
            unit.municipality_id
            for unit in self.units
            if unit.kind == kind and (owner_kind is None or unit.owner.kind == owner_kind)
        )
        return [MunicipalityCount(m, counted.get(m.pk, 0)) for m in self.municipalities]

    def partner_text(self, question: Question) -> str:
        part = question.options.get("part")
        funds = [link.owner for link in self.owner_links if link.receives_funds]
        others = [link.owner for link in self.owner_links if not link.receives_funds]
        if part == "funds_owner":
            return "\n".join(f"{o.name}, org.nr: {format_org_number(o.org_number)}" for o in funds)
        if part == "other_owners":
            return ", ".join(o.name for o in others)
        if part == "uh":
            lines = []
            for link in self.institution_links:
                institution = link.institution
                text = institution.name
                if institution.org_number:
                    text += f". Organisasjonsnummer {format_org_number(institution.org_number)}"
                if link.receives_funds and self.uh_coordinators:
                    text += ". Kontaktperson: " + ", ".join(str(u) for u in self.uh_coordinators)
                lines.append(text)
            return "\n".join(lines)
        if part == "units":
            kind = question.options.get("unit_kind")
            return ", ".join(unit.name for unit in self.units if unit.kind == kind)
        if part == "summary":
            municipalities = [
                link.owner.municipality.name
                for link in self.owner_links
                if link.owner.kind == "municipal"
            ]
            institutions = [link.institution.name for link in self.institution_links]
            ppt = [unit.name for unit in self.units if unit.kind == UnitKind.PPT]
            text = f"{self.report.partnership.name} ({', '.join(municipalities)})"
            if institutions:
                text += " i samarbeid med " + " og ".join(institutions)
            text += "."
            if ppt:
                text += f" PPT ({', '.join(ppt)}) inngår i partnerskapet."
            return text
        return ""
