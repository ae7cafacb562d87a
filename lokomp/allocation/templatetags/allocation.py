"""Template helpers of the round pages."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from lokomp.core.formatting import thousands

register = template.Library()


@register.simple_tag
def amount_cells(cells, with_part: bool, strong: bool = False) -> SafeString:
    """The cells of one row, per year: owner, UH, sum (and the county's part where some
    partnership is split). One tag per row, since a page of 50 rows × 3 years has 600
    amounts; each is an int formatted by `thousands` (digits and spaces), so the HTML is
    safe as built."""
    html = []
    for cell in cells:
        values = [cell.owner, cell.uh, cell.total] + ([cell.part] if with_part else [])
        for index, value in enumerate(values):
            text = thousands(int(value))
            if strong and index >= 2:
                text = f"<strong>{text}</strong>"
            html.append(f'<td class="num">{text}</td>')
    return mark_safe("".join(html))  # noqa: S308 (ints formatted as digits and spaces)
