"""The start page's parts from the registry: Statsforvalteren's shortcuts, and the units a
person leads or works in."""

from lokomp.accounts.scoping import user_scope
from lokomp.core.start import Section, register_section

from .access import visible_units


def _county_admin(request, today):
    return {} if user_scope(request.user).is_county_admin else None


def _my_units(request, today):
    scope = user_scope(request.user)
    if not scope.units:
        return None
    units = visible_units(request.user).filter(pk__in=scope.units).select_related("municipality")
    return {"my_units": list(units), "is_employee": bool(scope.employee_units)}


def register() -> None:
    register_section(
        Section("county-admin", "registry/start/county_admin.html", _county_admin, order=15)
    )
    register_section(Section("my-units", "registry/start/my_units.html", _my_units, order=40))
