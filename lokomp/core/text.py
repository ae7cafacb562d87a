"""Text as users paste it, made safe to store and to print.

Word's Shift+Enter is a vertical tab; pasted text can carry NUL bytes and other control
characters that PostgreSQL refuses and that make Word and Excel files invalid. They are
cleaned where text comes in, and again where it goes out, so an old stored value cannot
break a document either."""

from __future__ import annotations

import re

# Control characters other than tab and line break; a vertical tab, form feed and the
# Unicode line and paragraph separators are line breaks as the writer meant them.
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def clean_text(value) -> str:
    """Line breaks made "\\n", other control characters removed."""
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", str(value)))


def query_text(params, key: str, limit: int = 100) -> str:
    """A text parameter of the address, cut to a length and cleaned of control characters
    (PostgreSQL refuses a NUL byte in a query; a filter never needs one)."""
    return clean_text(params.get(key, "")[:limit]).strip()


def export_text(value):
    """A value as a document may hold it: text cleaned (an old stored value must not break
    a Word or Excel file), lists and dicts cleaned throughout, anything else as it is."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return [export_text(v) for v in value]
    if isinstance(value, dict):
        return {k: export_text(v) for k, v in value.items()}
    return value
