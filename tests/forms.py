"""Read a rendered form back into POST data, as a browser would send it, so that
templates and forms are tested together."""

import re
from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str] | str] = {}
        # The first offered value of each select and radio group, for `choose_first`.
        self.first: dict[str, str] = {}
        # What kind of control each name is: "select", "radio", "checkbox", "date", "text" …
        self.kinds: dict[str, str] = {}
        self._select: str | None = None
        self._select_multiple = False
        self._textarea: str | None = None

    def _add(self, name, value, multiple=False):
        if multiple:
            self.data.setdefault(name, [])
            self.data[name].append(value)
        else:
            self.data[name] = value

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            self.kinds.setdefault(name, kind)
            if kind in ("checkbox", "radio"):
                if kind == "radio":
                    self.first.setdefault(name, a.get("value", "on"))
                if "checked" in a:
                    self._add(name, a.get("value", "on"), multiple=kind == "checkbox")
            elif kind not in ("submit", "button"):
                self._add(name, a.get("value", ""))
        elif tag == "select" and name:
            self._select, self._select_multiple = name, "multiple" in a
            self.kinds.setdefault(name, "select")
            if not self._select_multiple:
                self.data.setdefault(name, "")
        elif tag == "option" and self._select:
            if a.get("value"):
                self.first.setdefault(self._select, a["value"])
            if "selected" in a:
                self._add(self._select, a.get("value", ""), multiple=self._select_multiple)
        elif tag == "textarea" and name:
            self._textarea = name
            self.kinds.setdefault(name, "textarea")
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += (
                data.lstrip("\n") if not self.data[self._textarea] else data
            )


def form_data(html: str, *, choose_first: bool = False) -> dict:
    """The form as the browser would send it; with `choose_first`, a select or radio group
    left empty takes its first offered value, as a user filling in the form would."""
    reader = _FormReader()
    reader.feed(html)
    data = reader.data
    if choose_first:
        for name, value in reader.first.items():
            # Not in a formset's rows: an empty extra row stays empty.
            if not data.get(name) and not re.search(r"-\d+-", name):
                data[name] = value
    data.pop("csrfmiddlewaretoken", None)
    return data


def form_kinds(html: str) -> dict[str, str]:
    """Each field's kind of control, by name: "select", "radio", "checkbox", "date", …"""
    reader = _FormReader()
    reader.feed(html)
    return reader.kinds
