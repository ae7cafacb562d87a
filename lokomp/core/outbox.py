"""Telling people what is theirs to do, and sending what Lokomp has to send.

`remind(today)` (once a day, from the worker's schedule) records a message for each duty
whose reminder is due (core/duties.py), in the recipient's language, or one weekly digest
for those who chose it. `send_due()` (every minute, from the worker) sends what is recorded:
each message is claimed by a compare-and-set on its row before it is sent, so two workers
never send the same one, and a failed send is tried again later, with longer waits. No web
request sends mail: a request at most records a message."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .duties import Duty, occasion, open_duties
from .duties import kind as duty_kind
from .models import Message, MessageChoice, MessagePreference, MessageStatus

# Minutes to wait before the next try after the first, second, … failure; then it stays
# failed for the service's administrator to see on the outbox page.
BACKOFF_MINUTES = (1, 5, 30, 120, 720)
DIGEST = "digest"


def _url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _language(user) -> str:
    return user.language or settings.LANGUAGE_CODE


def _message(
    user, *, kind: str, key: str, occasion: str, subject, template: str, context: dict, now
) -> Message:
    """One message to `user`, its subject and body in the user's written language:
    `subject` is called, and `template` rendered, with that language active."""
    with translation.override(_language(user)):
        body = render_to_string(
            template,
            {**context, "user": user, "settings_url": _url(reverse("core:message_settings"))},
        )
        text = str(subject())
    return Message(
        kind=kind,
        key=key,
        recipient=user,
        occasion=occasion,
        subject=text[:200],
        body=body,
        next_attempt_at=now,
    )


def _duty_message(user, duty: Duty, when: str, today: date, now: datetime) -> Message:
    overdue = duty.overdue(today)
    return _message(
        user,
        kind=duty.kind,
        key=duty.key,
        occasion=when,
        subject=lambda: (_("Fristen er ute: %s") if overdue else _("Å gjøre: %s")) % (duty.title,),
        template="core/mail/duty.txt",
        context={"duty": duty, "url": _url(duty.url), "overdue": overdue},
        now=now,
    )


def _digest_message(user, duties: list[Duty], today: date, now: datetime) -> Message:
    year, week, _day = today.isocalendar()
    return _message(
        user,
        kind=DIGEST,
        key=f"week:{year}-{week:02d}",
        occasion="weekly",
        subject=lambda: _("Å gjøre denne uka i Lokomp (uke %(week)s)") % {"week": week},
        template="core/mail/digest.txt",
        context={"duties": [(d, _url(d.url), d.overdue(today)) for d in duties]},
        now=now,
    )


def remind(today: date) -> int:
    """Record the reminders due today; returns how many new messages were recorded. A
    reminder already recorded (a second run the same day, a second worker) is left as it
    is: the uniqueness rule keeps one."""
    duties = open_duties(today)
    users = (
        get_user_model()
        .objects.filter(pk__in={d.user_id for d in duties}, is_active=True)
        .exclude(email="")
    )
    people = {u.pk: u for u in users}
    chosen = {
        (user, kind): how
        for user, kind, how in MessagePreference.objects.filter(user__in=people).values_list(
            "user_id", "kind", "how"
        )
    }
    now = timezone.now()
    messages: list[Message] = []
    weekly: dict[int, list[Duty]] = defaultdict(list)
    for duty in duties:
        user = people.get(duty.user_id)
        if user is None:
            continue  # left, or no address to write to
        how = chosen.get((user.pk, duty.kind), MessageChoice.AT_ONCE)
        if how == MessageChoice.NEVER and duty_kind(duty.kind).legal:
            how = MessageChoice.WEEKLY  # a duty of the scheme's rules is never silent
        if how == MessageChoice.WEEKLY:
            weekly[user.pk].append(duty)
        elif how == MessageChoice.AT_ONCE and (when := occasion(duty, today)) is not None:
            messages.append(_duty_message(user, duty, when, today, now))
    # The week's digest goes out with the week's first run (Monday's, unless the worker was
    # down); its key holds the week, so once.
    messages.extend(_digest_message(people[u], d, today, now) for u, d in weekly.items())
    return record(messages)


def notify(*, kind: str, key: str, occasion: str, recipients, subject, template: str) -> int:
    """Record one message to each recipient about something that happened (a round opened,
    a report sent in): `recipients` are (user, context) pairs, each rendered in the user's
    language, with `subject` a lazily translated text, and each recorded once (a second call
    records nothing). People who have left or have no address are skipped. Returns how many
    were recorded."""
    now = timezone.now()
    return record(
        [
            _message(
                user,
                kind=kind,
                key=key,
                occasion=occasion,
                subject=lambda: subject,
                template=template,
                context=context,
                now=now,
            )
            for user, context in recipients
            if user.is_active and user.email
        ]
    )


def record(messages: list[Message]) -> int:
    """Store messages to be sent; one that is already recorded is not stored again."""
    if not messages:
        return 0
    started = timezone.now()
    with transaction.atomic():
        Message.objects.bulk_create(messages, ignore_conflicts=True, batch_size=500)
    return Message.objects.filter(created_at__gte=started).count()


# A send that has not finished in this time was cut off (the worker stopped mid-send).
SENDING_MINUTES = 15


def _claim(message_id: int, now: datetime) -> bool:
    due = Q(status=MessageStatus.QUEUED) | Q(status=MessageStatus.FAILED)
    return bool(
        Message.objects.filter(due, pk=message_id, next_attempt_at__lte=now).update(
            status=MessageStatus.SENDING,
            attempts=F("attempts") + 1,
            next_attempt_at=now + timedelta(minutes=SENDING_MINUTES),
        )
    )


def _cut_off(now: datetime) -> int:
    """A message left in sending by a worker that stopped may or may not have gone out: it
    is not sent again by itself (that could send it twice), but shown as failed, with the
    reason, for the service's administrator to look into."""
    return Message.objects.filter(status=MessageStatus.SENDING, next_attempt_at__lte=now).update(
        status=MessageStatus.FAILED,
        attempts=len(BACKOFF_MINUTES) + 1,
        last_error="Avbrutt under sending: kan ha gått ut. Sjekk med mottakeren.",
    )


def send_one(message_id: int) -> bool:
    """Send one message if it is due and nobody else has claimed it; True if it went."""
    now = timezone.now()
    if not _claim(message_id, now):
        return False
    message = Message.objects.select_related("recipient").get(pk=message_id)
    try:
        EmailMessage(message.subject, message.body, None, [message.recipient.email]).send()
    except Exception as error:  # noqa: BLE001 — any failure of the mail server is retried
        wait = BACKOFF_MINUTES[min(message.attempts, len(BACKOFF_MINUTES)) - 1]
        Message.objects.filter(pk=message_id).update(
            status=MessageStatus.FAILED,
            last_error=f"{type(error).__name__}: {error}"[:500],
            next_attempt_at=now + timedelta(minutes=wait),
        )
        return False
    Message.objects.filter(pk=message_id).update(status=MessageStatus.SENT, sent_at=timezone.now())
    return True


def send_due(limit: int = 1000) -> int:
    """Send what is due now, oldest first; returns how many went. A failed connection to
    the mail server ends the batch (the rest wait for the next turn)."""
    now = timezone.now()
    _cut_off(now)
    due = (
        Message.objects.filter(
            Q(status=MessageStatus.QUEUED)
            | Q(status=MessageStatus.FAILED, attempts__lte=len(BACKOFF_MINUTES)),
            next_attempt_at__lte=now,
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    sent = 0
    for pk in list(due):
        if send_one(pk):
            sent += 1
        elif Message.objects.filter(pk=pk, status=MessageStatus.FAILED).exists():
            break  # the mail server is not answering: try the rest later
    return sent
