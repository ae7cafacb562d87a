"""Form helpers: Designsystemet classes on every widget, and errors tied to their field."""

import hashlib
import json
from typing import TYPE_CHECKING, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .text import clean_text

# A text field without a limit of its own: room for a long answer, not for a 1 MB paste
# that would make every download of the plan slow.
TEXT_MAX_LENGTH = 10_000

if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class DsFormMixin(_FormBase):
    """Gives each widget the Designsystemet class and links the error message to it, so a
    screen reader reads the message with the field (aria-describedby, aria-invalid)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = _cleaned(self.data)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = TEXT_MAX_LENGTH
                field.validators.append(MaxLengthValidator(TEXT_MAX_LENGTH))
                field.widget.attrs.setdefault("maxlength", str(TEXT_MAX_LENGTH))
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "ds-input")
                continue
            widget.attrs.setdefault("class", "ds-input")
            if isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("rows", 3)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"{self.add_prefix(name)}-error"


def _cleaned(data):
    """Posted text as it may be stored: a vertical tab (Word's Shift+Enter) becomes a line
    break, NUL and other control characters go."""
    if hasattr(data, "lists"):
        copy = data.copy()
        for key, values in data.lists():
            copy.setlist(key, [clean_text(v) if isinstance(v, str) else v for v in values])
        return copy
    return {k: clean_text(v) if isinstance(v, str) else v for k, v in data.items()}


class DsForm(DsFormMixin, forms.Form):
    pass


SEEN = "seen"


def fingerprint(value) -> str:
    """A short digest of what a page showed, so a save can tell "left as it was" from
    "changed" even where someone else changed it in between."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


class DsModelForm(DsFormMixin, forms.ModelForm):
    """Editing a stored object that others may edit too: the page carries a fingerprint of
    what it showed ("seen"). If someone saved the object in between, the form is not saved:
    the writer is told who saved and when, sees both versions side by side, and saves again
    to keep their own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stale: dict | None = None
        if self.instance.pk is not None:
            self.fields[SEEN] = forms.CharField(widget=forms.HiddenInput, required=False)
            self.initial[SEEN] = fingerprint(self._stored())

    def _stored(self) -> dict:
        """What is stored now, as the form's fields show it (read when the form was made)."""
        return {name: self.initial.get(name) for name in self.fields if name != SEEN}

    def clean(self):
        data = super().clean()
        if SEEN in self.fields and self.is_bound:
            seen = self.data.get(self.add_prefix(SEEN), "")
            now = self.initial[SEEN]
            if seen and seen != now:
                tell_stale(self, self.instance, self._differences(data))
        return data

    def _differences(self, data) -> list[dict]:
        stored = self._stored()
        differences = []
        for name, theirs in stored.items():
            yours = self.data.get(self.add_prefix(name), "")
            field = self.fields[name]
            shown_theirs = _shown(field, theirs)
            shown_yours = _shown(field, data.get(name, yours))
            if shown_theirs != shown_yours:
                differences.append(
                    {"label": field.label or name, "theirs": shown_theirs, "yours": shown_yours}
                )
        return differences


def tell_stale(form, obj, differences: list[dict]) -> None:
    """Someone saved `obj` after the form was shown: nothing is saved, and the writer sees
    who saved and when, and both versions ("theirs" and "yours"). The form now carries the
    newest fingerprint, so saving again keeps theirs on purpose (the data is the mixin's
    own copy)."""
    from lokomp.core.audit import latest_entry

    latest = latest_entry(obj)
    form.stale = {
        "by": latest.user if latest else None,
        "at": latest.at if latest else None,
        "differences": differences,
    }
    cast(dict, form.data)[form.add_prefix(SEEN)] = form.initial[SEEN]
    form.add_error(
        None,
        _(
            "Noen andre har lagret endringer her mens du skrev. Ingenting er lagret. Se "
            "forskjellene under, og lagre på nytt hvis du vil beholde ditt."
        ),
    )


def _shown(field, value) -> str:
    """A value as the page shows it, to compare theirs with yours."""
    if isinstance(value, list | tuple | set | QuerySet):
        return ", ".join(sorted(_shown(field, v) for v in value))
    if hasattr(value, "pk"):
        return str(value)
    if hasattr(field, "queryset"):
        return _chosen(field, value)
    choices = {str(k): str(v) for k, v in getattr(field, "choices", []) or []}
    text = "" if value is None else str(value)
    return choices.get(text, text).strip()


def _chosen(field, value) -> str:
    """The object a posted id names, shown by name; a value that names none (``abc``, an
    id beyond 64 bits, an id of something the writer may not choose) is shown as typed."""
    found = None
    if value not in (None, ""):
        try:
            found = field.queryset.filter(pk=value).first()
        except (ValueError, TypeError, ValidationError):
            found = None
    return str(found) if found else ("" if value is None else str(value))


def date_field(label, required_message=None) -> forms.DateField:
    """A date as a date picker gives it, or as people type it (dd.mm.åååå)."""
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date", "class": "ds-input"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        error_messages={
            "invalid": gettext_lazy("Skriv datoen som dd.mm.åååå."),
            "required": required_message or gettext_lazy("Velg en dato."),
        },
    )
