"""Typed, bounded URL parameters: a path that does not match is a 404 before any view
runs, so no view turns "abc" or a 25-digit number into a server error."""

from django.urls import register_converter


class IdConverter:
    """A database id or a small ordinal: at most 18 digits (fits a 64-bit integer)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


class YearConverter:
    """A calendar year the scheme can be about."""

    regex = "(?:19|20|21)[0-9]{2}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


class SchoolYearConverter:
    """A school year as it is written: "2025-2026". The view checks the years follow."""

    regex = "[0-9]{4}-[0-9]{4}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


class CountyNumberConverter:
    """A county number: two digits ("55" for Troms)."""

    regex = "[0-9]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


DRAFT = "utkast"


class VersionConverter:
    """A needs report version: its number, or "utkast" for the draft (None in the view)."""

    regex = f"{DRAFT}|[0-9]{{1,4}}"

    def to_python(self, value: str) -> int | None:
        return None if value == DRAFT else int(value)

    def to_url(self, value) -> str:
        return DRAFT if value in (None, DRAFT) else str(int(value))


register_converter(IdConverter, "id")
register_converter(YearConverter, "year")
register_converter(SchoolYearConverter, "schoolyear")
register_converter(CountyNumberConverter, "county")
register_converter(VersionConverter, "version")
