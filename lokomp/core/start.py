"""The start page is drawn from what the stages register: each stage adds the sections it
has to show a person (`register_section`) and the duties it asks of them (core/duties.py),
when Django starts. `core` draws the page and imports no stage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Section:
    """A part of the start page. `context(request, today)` gives what the template needs,
    or None where the section has nothing for this person. `public` sections are shown to
    visitors who are not signed in (and only to them)."""

    code: str
    template: str
    context: Callable[[HttpRequest, date], dict | None]
    order: int = 100
    public: bool = False


_SECTIONS: dict[str, Section] = {}


def register_section(section: Section) -> None:
    if section.code in _SECTIONS and _SECTIONS[section.code] != section:
        raise ValueError(f"start section {section.code!r} is registered twice")
    _SECTIONS[section.code] = section


def rendered_sections(request: HttpRequest, today: date, *, public: bool) -> list[SafeString]:
    """The sections for this visitor, in order, each drawn by its own template."""
    shown = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.code)):
        if section.public != public:
            continue
        context = section.context(request, today)
        if context is not None:
            shown.append(render_to_string(section.template, context, request=request))
    return shown
