"""Short codes people read off a screen and type on a phone (check-in, evaluations): six
characters without 0/O or 1/I/L, unique per model, made once per object."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def random_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def once_with_code(model, lookup: dict, **fields):
    """The object found by `lookup`, or a new one with a fresh unique `code`. A code that
    is taken is drawn again; an object made at the same moment by someone else is
    returned instead of a second."""
    existing = model.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    while True:
        try:
            with transaction.atomic():
                return model.objects.create(**lookup, **fields, code=random_code())
        except IntegrityError:
            existing = model.objects.filter(**lookup).first()
            if existing is not None:
                return existing
