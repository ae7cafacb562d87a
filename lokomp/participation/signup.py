"""Signing staff up for an activity or one of its parallel lectures, with places and a
waiting list. Places are counted under a lock on the activity, so two leaders signing up
at once cannot both take the last place; a cancelled place goes to the first in line."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from lokomp.core.audit import log_action
from lokomp.plans.models import Activity, Track

from .models import Employee, SignUp, SignUpStatus


def _capacity(activity: Activity, track: Track | None) -> int | None:
    return track.capacity if track is not None and track.capacity else activity.capacity


def _confirmed(activity: Activity, track: Track | None) -> int:
    places = SignUp.objects.filter(activity=activity, status=SignUpStatus.CONFIRMED)
    if track is not None and track.capacity:
        places = places.filter(track=track)
    return places.count()


@transaction.atomic
def sign_up(
    *, activity: Activity, track: Track | None, employees: list[Employee], user
) -> list[SignUp]:
    """Sign the employees up, each with a place while there are places, else on the
    waiting list. Someone already signed up stays as they are."""
    Activity.objects.select_for_update().get(pk=activity.pk)
    taken = set(
        SignUp.objects.filter(activity=activity, employee__in=employees).values_list(
            "employee_id", flat=True
        )
    )
    capacity = _capacity(activity, track)
    confirmed = _confirmed(activity, track)
    made = []
    for employee in employees:
        if employee.pk in taken:
            continue
        has_place = capacity is None or confirmed < capacity
        confirmed += 1 if has_place else 0
        made.append(
            SignUp.objects.create(
                activity=activity,
                track=track,
                employee=employee,
                status=SignUpStatus.CONFIRMED if has_place else SignUpStatus.WAITING,
                signed_up_by=user,
            )
        )
    if made:
        log_action(
            "participation.sign_up.made",
            user=user,
            obj=activity,
            changes={
                _("Påmeldt"): [None, len([m for m in made if m.status == SignUpStatus.CONFIRMED])],
                _("Venteliste"): [None, len([m for m in made if m.status == SignUpStatus.WAITING])],
            },  # fmt: skip
            county=employees[0].unit.municipality.county,
        )
    return made


@transaction.atomic
def sign_up_cancel(*, sign_up: SignUp, user) -> SignUp | None:
    """Cancel; the first on the waiting list for the same place gets it. Returns whoever
    moved up."""
    activity = Activity.objects.select_for_update().get(pk=sign_up.activity_id)
    track = sign_up.track
    had_place = sign_up.status == SignUpStatus.CONFIRMED
    log_action(
        "participation.sign_up.cancelled",
        user=user,
        obj=activity,
        changes={str(sign_up.employee): [sign_up.get_status_display(), None]},
        county=sign_up.employee.unit.municipality.county,
    )
    sign_up.delete()
    if not had_place:
        return None
    waiting = SignUp.objects.filter(activity=activity, status=SignUpStatus.WAITING)
    if track is not None and track.capacity:
        waiting = waiting.filter(track=track)
    first = waiting.order_by("created_at", "pk").first()
    if first is not None:
        first.status = SignUpStatus.CONFIRMED
        first.save(update_fields=["status"])
    return first


@dataclass
class Places:
    capacity: int | None
    confirmed: int
    waiting: int

    @property
    def free(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.confirmed)


def places(activity: Activity, tracks: list[Track]) -> dict[int, Places]:
    """Per place (0 for the activity as a whole, else the track's id): capacity, signed
    up, waiting. One query."""
    counts = {
        (row["track_id"] or 0): row
        for row in SignUp.objects.filter(activity=activity)
        .values("track_id")
        .annotate(
            confirmed=Count("pk", filter=Q(status=SignUpStatus.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=SignUpStatus.WAITING)),
        )
        .order_by()
    }
    found = {}
    total = {"confirmed": 0, "waiting": 0}
    for row in counts.values():
        total["confirmed"] += row["confirmed"]
        total["waiting"] += row["waiting"]
    found[0] = Places(activity.capacity, total["confirmed"], total["waiting"])
    for track in tracks:
        row = counts.get(track.pk, {"confirmed": 0, "waiting": 0})
        found[track.pk] = Places(track.capacity, row["confirmed"], row["waiting"])
    return found
