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
