"""Who may change a partnership's action plans: its coordinators. Everyone who may see the
partnership reads its plans (partnerships/access.py)."""

from __future__ import annotations

from lokomp.accounts.scoping import require
from lokomp.partnerships.access import get_partnership_for_viewer, is_coordinator
from lokomp.partnerships.models import Partnership


def can_edit_plan(user, partnership: Partnership) -> bool:
    return is_coordinator(user, partnership)


def get_partnership_for_plan_editor(request, slug: str) -> Partnership:
    partnership = get_partnership_for_viewer(request, slug)
    require(
        can_edit_plan(request.user, partnership),
        "Bare partnerskapets koordinatorer kan endre planen.",
    )
    return partnership
