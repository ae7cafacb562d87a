"""The start page's way to the national view, for the directorate."""

from lokomp.accounts.scoping import user_scope
from lokomp.core.start import Section, register_section


def _national(request, today):
    scope = user_scope(request.user)
    return {} if scope.national or scope.superuser else None


def register() -> None:
    register_section(Section("national", "reports/start/national.html", _national, order=5))
