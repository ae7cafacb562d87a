"""Form helpers: Designsystemet classes on every widget, and errors tied to their field."""

from typing import TYPE_CHECKING

from django import forms

if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class DsFormMixin(_FormBase):
    """Gives each widget the Designsystemet class and links the error message to it, so a
    screen reader reads the message with the field (aria-describedby, aria-invalid)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
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


class DsForm(DsFormMixin, forms.Form):
    pass


class DsModelForm(DsFormMixin, forms.ModelForm):
    pass
