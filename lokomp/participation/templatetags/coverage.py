from django import template

register = template.Library()


@register.filter
def share(figures, measure: str):
    """A share in whole per cent (None where there is nothing to measure)."""
    return figures.share(measure)


@register.filter
def gap(figures, measure: str) -> int:
    return figures.gap(measure)
