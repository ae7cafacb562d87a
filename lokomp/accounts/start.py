"""The start page's word to someone with no role yet."""

from lokomp.core.start import Section, register_section

from .scoping import user_scope


def _no_roles(request, today):
    return None if user_scope(request.user).is_anything else {}


def register() -> None:
    register_section(Section("no-roles", "accounts/start/no_roles.html", _no_roles, order=0))
