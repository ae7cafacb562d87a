"""The audit log: every change a user makes, with who, when, what and the changed fields."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.db import models, transaction

from .models import AuditEntry


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, models.QuerySet):
        return [str(v) for v in value]
    return value


def _display(field, value: Any) -> Any:
    """Choice values as the user saw them ("Gjennomført", not "done")."""
    choices = getattr(field, "choices", None)
    if choices is None or isinstance(value, models.Model):
        return value
    labels = {}
    for key, label in choices:
        if isinstance(label, list | tuple):  # grouped choices
            labels.update({str(k): str(v) for k, v in label})
        else:
            labels[str(key)] = str(label)
    if isinstance(value, list | tuple):
        return [labels.get(str(v), v) for v in value]
    return labels.get(str(value), value) if value not in (None, "") else value


def field_changes(form) -> dict[str, list[Any]]:
    """{field label: [old, new]} for every changed field of a bound, valid form, in the
    words the user saw on the page."""
    changes = {}
    for name in form.changed_data:
        if name == "seen":  # the page's fingerprint of what it showed, not a field
            continue
        field = form.fields[name]
        old = form.initial.get(name)
        new = form.cleaned_data.get(name)
        if isinstance(old, list) and old and isinstance(old[0], models.Model):
            old = [str(o) for o in old]
        label = str(field.label or name)
        changes[label] = [_plain(_display(field, old)), _plain(_display(field, new))]
    return changes


def log_action(
    action: str,
    *,
    user,
    obj: models.Model,
    changes: dict[str, Any] | None = None,
    partnership=None,
    county=None,
) -> AuditEntry:
    if partnership is not None and county is None:
        county = partnership.county
    return AuditEntry.objects.create(
        action=action,
        user=user if getattr(user, "is_authenticated", False) else None,
        actor_name=str(user)[:150] if getattr(user, "is_authenticated", False) else "",
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        data={"changes": changes} if changes else {},
        partnership=partnership,
        county=county,
    )


@transaction.atomic
def save_with_audit(form, *, user, action: str, partnership=None, county=None):
    """Save a valid ModelForm and log the change with its changed fields, in one
    transaction: a change is never stored without its entry."""
    creating = form.instance._state.adding
    changes = field_changes(form)
    obj = form.save()
    verb = "created" if creating else "changed"
    if creating or changes:
        log_action(
            f"{action}.{verb}",
            user=user,
            obj=obj,
            changes=changes,
            partnership=partnership,
            county=county,
        )
    return obj


def latest_entry(obj: models.Model) -> AuditEntry | None:
    """The last change written about an object: who saved it, and when."""
    return (
        AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
        .select_related("user")
        .first()
    )
