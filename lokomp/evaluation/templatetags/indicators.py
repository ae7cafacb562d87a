from django import template

from ..indicators import shown

register = template.Library()


@register.filter
def number(value):
    """12.50 → "12,5"; nothing → "–"."""
    return shown(value) or "–"


@register.filter
def width(value, largest):
    """A bar's width in per cent of the largest value."""
    if value is None or not largest:
        return 0
    return round(100 * float(value) / float(largest))


@register.filter
def get_label(labels: dict, key):
    return labels.get(key, "")
