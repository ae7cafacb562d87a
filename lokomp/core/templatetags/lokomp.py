import re

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from lokomp.core.formatting import thousands
from lokomp.core.validators import HEX_COLOUR, format_account_number, format_org_number

register = template.Library()


@register.inclusion_tag("includes/field.html")
def field(bound_field, hint=""):
    widget = bound_field.field.widget
    return {
        "f": bound_field,
        "hint": hint,
        "is_multi": widget.__class__.__name__ in ("CheckboxSelectMultiple", "RadioSelect"),
        "is_checkbox": widget.__class__.__name__ == "CheckboxInput",
        "error_id": f"{bound_field.html_name}-error",
    }


@register.filter
def account(value):
    return format_account_number(value) if value else ""


@register.filter
def orgnr(value):
    return format_org_number(value) if value else ""


@register.simple_tag
def scheme_style(scheme):
    """Inline custom property for a scheme's colour code. The colour is data: the model
    allows only "#rrggbb", and it is escaped here as any other value would be."""
    if scheme is None or not HEX_COLOUR.fullmatch(scheme.colour or ""):
        return ""
    return format_html('style="--scheme-colour: {}"', scheme.colour)


@register.filter
def nb_int(value):
    """1228 → "1 228" (Norwegian thousands separator, a non-breaking space)."""
    try:
        return thousands(int(value))
    except (TypeError, ValueError):
        return value


ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@register.filter
def audit_value(value):
    """A logged value as the user would write it: Ja/Nei, lists joined, dates as 1.2.2026,
    and "–" for nothing."""
    if value is None or value == "" or value == []:
        return "–"
    if value is True:
        return _("Ja")
    if value is False:
        return _("Nei")
    if isinstance(value, list):
        return ", ".join(str(audit_value(v)) for v in value)
    if isinstance(value, str) and (found := ISO_DATE.fullmatch(value)):
        year, month, day = found.groups()
        return f"{int(day)}.{int(month)}.{year}"
    return value
