"""Form helpers: Designsystemet classes on every widget, and errors tied to their field."""

from typing import TYPE_CHECKING

from django import forms
from django.core.validators import MaxLengthValidator

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


class DsModelForm(DsFormMixin, forms.ModelForm):
    pass
