"""Survey results as the tables show them: an average with one decimal and a comma, a
change with its sign, and "–" where nothing may be shown."""

from django import template

register = template.Library()


def _shown(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    return text.replace(".", ",").replace("-", "\u2212")


@register.simple_tag
def average(group, wave, theme) -> str:
    return _shown(group.average(wave.pk, theme))


@register.simple_tag
def change(group, first, second, theme) -> str:
    return _shown(group.change(first.pk, second.pk, theme), signed=True)


@register.simple_tag
def paired(group, theme) -> str:
    return _shown(group.paired_change(theme), signed=True)
