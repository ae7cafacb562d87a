"""Small model fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


class CodeSetField(models.CharField):
    """A small set of choice codes stored as ",a,b,c," so a filter on one code is a plain
    `__contains=",a,"` on SQLite and PostgreSQL alike, with no join."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple | set | frozenset):
            return self._ordered(value)
        return [code for code in str(value).split(",") if code]

    def _ordered(self, codes):
        order = [code for code, _label in (self.choices or [])]
        return sorted(set(codes), key=lambda c: order.index(c) if c in order else len(order))

    def get_prep_value(self, value):
        codes = self.to_python(value)
        return "," + ",".join(codes) + "," if codes else ""

    def validate(self, value, model_instance):
        valid = {code for code, _label in (self.choices or [])}
        unknown = [code for code in self.to_python(value) if code not in valid]
        if unknown:
            raise ValidationError(_("Ukjente verdier: %(values)s") % {"values": ", ".join(unknown)})
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):  # type: ignore[override]  # always a multiple choice
        return forms.MultipleChoiceField(
            choices=self.choices or [],
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    @staticmethod
    def contains(code: str) -> str:
        return f",{code},"
