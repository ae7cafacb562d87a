from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from .when import Precision, When, part_from_json


class Scheduled(models.Model):
    """The When (NÅR) of a measure or activity, kept as columns so that calendars sort and
    filter in the database. `when_text` is the coordinator's own wording; a text that could
    not be read is kept with an empty precision and does not place on the calendar."""

    when_text = models.CharField(_("Når"), max_length=300, blank=True)
    when_start = models.DateField(null=True, blank=True, db_index=True)
    when_end = models.DateField(null=True, blank=True, db_index=True)
    when_precision = models.CharField(
        max_length=16, blank=True, choices=[(p.value, p.label) for p in Precision]
    )
    when_start_time = models.TimeField(null=True, blank=True)
    when_end_time = models.TimeField(null=True, blank=True)
    when_count = models.PositiveIntegerField(null=True, blank=True)
    when_unit = models.CharField(max_length=20, blank=True)
    when_recurrence = models.CharField(max_length=10, blank=True)
    when_deadline = models.BooleanField(default=False)
    when_note = models.CharField(max_length=100, blank=True)
    # The weekday and interval of a recurrence, and the parts of a text that names several.
    when_detail = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True

    @property
    def when(self) -> When | None:
        if not self.when_precision:
            return None
        return When(
            start=self.when_start,
            end=self.when_end,
            precision=Precision(self.when_precision),
            start_time=self.when_start_time,
            end_time=self.when_end_time,
            count=self.when_count,
            unit=self.when_unit,
            recurrence=self.when_recurrence,
            deadline=self.when_deadline,
            note=self.when_note,
            text=self.when_text,
            weekday=self.when_detail.get("weekday"),
            interval=self.when_detail.get("interval", 1),
            parts=tuple(part_from_json(p) for p in self.when_detail.get("parts", [])),
        )

    def set_when(self, when: When | None, text: str) -> None:
        """Store a parsed value, or only the text where it could not be read."""
        self.when_text = text
        if when is None:
            self.when_start = self.when_end = None
            self.when_precision = ""
            self.when_start_time = self.when_end_time = None
            self.when_count = None
            self.when_unit = self.when_recurrence = self.when_note = ""
            self.when_deadline = False
            self.when_detail = {}
            return
        self.when_start = when.start
        self.when_end = when.end
        self.when_precision = when.precision.value
        self.when_start_time = when.start_time
        self.when_end_time = when.end_time
        self.when_count = when.count
        self.when_unit = when.unit
        self.when_recurrence = when.recurrence
        self.when_deadline = when.deadline
        self.when_note = when.note
        self.when_detail = when.detail()

    @property
    def when_display(self) -> str:
        """The coordinator's wording where given, else the printed value."""
        if self.when_text:
            return self.when_text
        when = self.when
        return when.format() if when else ""

    @property
    def when_interpreted(self) -> str:
        when = self.when
        return when.format() if when else ""


class AuditEntry(models.Model):
    """Who changed what, when. Public sector work is accountable work."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # The actor's name as it was: the entry keeps it when the user is deleted.
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=80)
    object_type = models.CharField(max_length=80)
    object_id = models.CharField(max_length=40)
    object_repr = models.CharField(max_length=300)
    data = models.JSONField(default=dict, blank=True)
    # Denormalised scope, so a county admin or a coordinator sees exactly their entries.
    county = models.ForeignKey(
        "registry.County", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["partnership", "-at"]),
            models.Index(fields=["county", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        """Entries are written once and never changed."""
        if self.pk is not None:
            raise PermissionError("An audit entry is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("An audit entry is never deleted.")

    @property
    def actor(self) -> str:
        return str(self.user) if self.user else self.actor_name

    @property
    def sentence(self) -> str:
        """What happened, as a Norwegian sentence ("… ble sendt inn"), never an action code."""
        verb = SENTENCES.get(self.action) or SENTENCES.get(self.action.rsplit(".", 1)[-1])
        return (verb or SENTENCES["changed"]) % {"object": self.object_repr}


SENTENCES = {
    "created": gettext_lazy("%(object)s ble opprettet"),
    "changed": gettext_lazy("%(object)s ble endret"),
    "deleted": gettext_lazy("%(object)s ble slettet"),
    "published": gettext_lazy("%(object)s ble publisert"),
    "unpublished": gettext_lazy("%(object)s ble avpublisert"),
    "needs.report.submitted": gettext_lazy("%(object)s ble sendt inn"),
    "needs.report.reopened": gettext_lazy("%(object)s ble gjenåpnet"),
    "needs.report.late_allowed": gettext_lazy("%(object)s kan sendes inn etter fristen"),
    "needs.deadline.changed": gettext_lazy("Fristen ble endret: %(object)s"),
    "needs.template.created": gettext_lazy("Skjemaet %(object)s ble laget"),
    "partnerships.coordinator.created": gettext_lazy("%(object)s ble lagt til"),
    "partnerships.coordinator.deleted": gettext_lazy("%(object)s ble fjernet"),
    "calendar.link.renewed": gettext_lazy("Ny kalenderlenke for %(object)s"),
}


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("I kø")
    SENDING = "sending", _("Sendes")
    SENT = "sent", _("Sendt")
    FAILED = "failed", _("Feilet, prøves igjen")


class Message(models.Model):
    """An e-mail Lokomp sends: recorded once per kind, object, recipient and occasion (the
    database's uniqueness rule), so a run that comes twice, two workers or a second server
    never make it twice; and sent by claiming the row first (core/outbox.py), so it goes
    out once."""

    kind = models.CharField(max_length=64)
    key = models.CharField(max_length=100)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages"
    )
    occasion = models.CharField(max_length=40)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(
        max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "recipient", "occasion"], name="message_once"
            )
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["created_at"]),
        ]
        ordering = ["-created_at", "-pk"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldinger")

    def __str__(self) -> str:
        return self.subject


class MessageChoice(models.TextChoices):
    AT_ONCE = "at_once", _("Med en gang")
    WEEKLY = "weekly", _("Samlet én gang i uka")
    NEVER = "never", _("Ikke på e-post")


class MessagePreference(models.Model):
    """How a person wants to hear of one kind of duty; without a row, at once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=64)
    how = models.CharField(max_length=10, choices=MessageChoice.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.how}"


class ScheduledRun(models.Model):
    """A scheduled job that has run for a period ("duties" on 2026-11-23): claimed by
    inserting the row, so however many workers run the schedule, it runs once."""

    name = models.CharField(max_length=40)
    period = models.CharField(max_length=20)
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "period"], name="scheduled_run_once")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.period}"
