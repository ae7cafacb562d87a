"""Who works where, with the least personal data that does the job: a name (unless the unit
keeps counts only), an optional e-mail address, a role, and when they started and left.
When someone has left, their name and address are deleted after a set time; the row stays
so that counts and coverage keep their numbers."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lokomp.registry.models import Unit


class StaffRole(models.TextChoices):
    PEDAGOGICAL_LEADER = "pedagogisk_leder", _("Pedagogisk leder")
    TEACHER = "laerer", _("Lærer")
    KINDERGARTEN_TEACHER = "barnehagelaerer", _("Barnehagelærer")
    SKILLED_WORKER = "fagarbeider", _("Fagarbeider")
    ASSISTANT = "assistent", _("Assistent")
    SPECIAL_NEEDS = "spesialpedagog", _("Spesialpedagog")
    PP_ADVISER = "pp_radgiver", _("PP-rådgiver")
    LEADER = "leder", _("Leder")
    OTHER = "annet", _("Annet")


class StaffList(models.Model):
    """How a unit keeps its staff: by name, or as counts only (no names at all)."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="staff_list")
    counts_only = models.BooleanField(
        _("Bare antall"),
        default=False,
        help_text=_("Enheten fører ikke navn. Oppmøte registreres som antall."),
    )

    class Meta:
        verbose_name = _("ansattliste")
        verbose_name_plural = _("ansattlister")

    def __str__(self) -> str:
        return str(self.unit)


def at_work(day) -> models.Q:
    """Employees at work on the day: started by then (or no start date), not yet left."""
    return (models.Q(start_date__isnull=True) | models.Q(start_date__lte=day)) & (
        models.Q(end_date__isnull=True) | models.Q(end_date__gte=day)
    )


class Employee(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="employees")
    name = models.CharField(_("Navn"), max_length=200, blank=True)
    email = models.EmailField(_("E-post"), blank=True)
    role = models.CharField(_("Rolle"), max_length=20, choices=StaffRole.choices)
    start_date = models.DateField(_("Startdato"), null=True, blank=True)
    end_date = models.DateField(_("Sluttdato"), null=True, blank=True)
    # Set when the name and address were deleted (a while after the person left).
    purged_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The secret in the address of the employee's own calendar (their sign-ups).
    calendar_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("ansatt")
        verbose_name_plural = _("ansatte")
        indexes = [models.Index(fields=["unit", "end_date"])]

    def __str__(self) -> str:
        return self.name or gettext("Ansatt (slettet navn)")

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Sluttdatoen kan ikke være før startdatoen.")})


class StaffImport(models.Model):
    """An uploaded staff list between reading and confirming: the cells as read and the
    columns chosen. Nothing changes in the staff list until it is confirmed; the upload is
    then deleted (and any left unconfirmed is deleted after a day)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=200)
    rows = models.JSONField()
    mapping = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self) -> str:
        return self.file_name


class AttendanceSource(models.TextChoices):
    LEADER = "leader", _("Ført av leder")
    CHECK_IN = "check_in", _("Sjekket inn selv")
    TEAMS = "teams", _("Fra Teams")


def _fill_school_year(rows) -> None:
    """The school year of each row's activity (its plan's), where it is not set yet."""
    from lokomp.plans.models import Activity

    missing = {r.activity_id for r in rows if r.school_year is None}
    if missing:
        years = dict(
            Activity.objects.filter(pk__in=missing).values_list("pk", "measure__plan__school_year")
        )
        for row in rows:
            if row.school_year is None:
                row.school_year = years[row.activity_id]


class AttendanceQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        _fill_school_year(objs)
        return super().bulk_create(objs, *args, **kwargs)


class Attendance(models.Model):
    """Who from a unit took part in an activity (and which parallel lecture): one row per
    employee, or, for a unit that keeps counts only, one row with the number.

    The school year of the activity's plan is kept on the row as well (filled in on every
    save), so that "took part this school year" is one index lookup per employee in the
    coverage figures rather than a walk through every row they have."""

    activity = models.ForeignKey(
        "plans.Activity", on_delete=models.CASCADE, related_name="attendance"
    )
    track = models.ForeignKey(
        "plans.Track", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="attendance")
    employee = models.ForeignKey(
        Employee, null=True, blank=True, on_delete=models.CASCADE, related_name="attendance"
    )
    count = models.PositiveIntegerField(_("Antall"), null=True, blank=True)
    source = models.CharField(
        max_length=10, choices=AttendanceSource.choices, default=AttendanceSource.LEADER
    )
    school_year = models.PositiveSmallIntegerField(editable=False)
    recorded_at = models.DateTimeField(auto_now=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "employee"],
                condition=models.Q(employee__isnull=False),
                name="attendance_once_per_employee",
            ),
            models.UniqueConstraint(
                fields=["activity", "unit", "track"],
                condition=models.Q(employee__isnull=True),
                name="attendance_one_count_per_unit",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "activity"]),
            models.Index(fields=["employee", "school_year"]),
        ]
        verbose_name = _("oppmøte")
        verbose_name_plural = _("oppmøte")

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.employee or self.count}"

    def save(self, *args, **kwargs):
        _fill_school_year([self])
        super().save(*args, **kwargs)


class SignUpStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Påmeldt")
    WAITING = "waiting", _("På venteliste")


class SignUp(models.Model):
    """An employee signed up for an activity (and a parallel lecture, which has places of
    its own); on the waiting list when it is full, moved up in turn when a place is free."""

    activity = models.ForeignKey(
        "plans.Activity", on_delete=models.CASCADE, related_name="sign_ups"
    )
    track = models.ForeignKey(
        "plans.Track", null=True, blank=True, on_delete=models.CASCADE, related_name="sign_ups"
    )
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="sign_ups")
    status = models.CharField(max_length=10, choices=SignUpStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    signed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "employee"], name="sign_up_once")
        ]
        ordering = ["created_at", "pk"]
        verbose_name = _("påmelding")
        verbose_name_plural = _("påmeldinger")

    def __str__(self) -> str:
        return f"{self.employee} – {self.activity_id}"


class CheckInCode(models.Model):
    """The short code (and the QR code made from it) shown in the room: staff check
    themselves in on their phone, without logging in, while the activity is on."""

    activity = models.OneToOneField(
        "plans.Activity", on_delete=models.CASCADE, related_name="check_in_code"
    )
    code = models.CharField(max_length=8, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("innsjekkingskode")
        verbose_name_plural = _("innsjekkingskoder")

    def __str__(self) -> str:
        return self.code


class OnboardingProgramme(models.Model):
    """The basic package for new employees (for example four webinars with reflection
    tasks): everyone in the partnership's units whose start date falls in the window is
    enrolled, and is due to finish a number of days after starting."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="onboarding"
    )
    title = models.CharField(_("Navn"), max_length=200)
    description = models.TextField(_("Beskrivelse"), blank=True, max_length=5000)
    window_start = models.DateField(_("For ansatte som startet fra og med"))
    window_end = models.DateField(_("Til og med"), null=True, blank=True)
    due_days = models.PositiveSmallIntegerField(
        _("Fullføres innen (dager etter start)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
    )
    active = models.BooleanField(_("I bruk"), default=True)
    # How many steps it has (kept by save_steps), so that "has done them all" is one
    # comparison in the coverage query.
    step_count = models.PositiveSmallIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("introduksjonsprogram")
        verbose_name_plural = _("introduksjonsprogrammer")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.window_start and self.window_end and self.window_end < self.window_start:
            raise ValidationError({"window_end": _("Sluttdatoen kan ikke være før startdatoen.")})


class OnboardingStep(models.Model):
    programme = models.ForeignKey(
        OnboardingProgramme, on_delete=models.CASCADE, related_name="steps"
    )
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("Steg"), max_length=200)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("steg")
        verbose_name_plural = _("steg")

    def __str__(self) -> str:
        return self.title


class StepDone(models.Model):
    """An employee has done a step (recorded by their leader)."""

    step = models.ForeignKey(OnboardingStep, on_delete=models.PROTECT, related_name="done")
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="steps_done")
    done_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["step", "employee"], name="step_done_once")]

    def __str__(self) -> str:
        return f"{self.employee} – {self.step}"


class SessionFormat(models.TextChoices):
    PHYSICAL = "physical", _("Fysisk")
    DIGITAL = "digital", _("Digitalt")


class Supervision(models.Model):
    """Supervision close to practice (veiledning) of one selected unit in a school year:
    the sessions planned (for example two physical and four digital of 90 minutes, three in
    the autumn and three in the spring)."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="supervisions"
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="supervisions")
    school_year = models.PositiveSmallIntegerField(_("Skoleår"))
    measure = models.ForeignKey(
        "plans.Measure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervisions",
        verbose_name=_("Tiltak"),
    )
    supervisors = models.CharField(_("Veiledere"), max_length=200, blank=True)
    planned_physical = models.PositiveSmallIntegerField(
        _("Planlagte fysiske økter"), default=2, validators=[MaxValueValidator(50)]
    )
    planned_digital = models.PositiveSmallIntegerField(
        _("Planlagte digitale økter"), default=4, validators=[MaxValueValidator(50)]
    )
    session_minutes = models.PositiveSmallIntegerField(
        _("Minutter per økt"),
        default=90,
        validators=[MinValueValidator(5), MaxValueValidator(600)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "unit", "school_year"], name="supervision_once_a_year"
            )
        ]
        ordering = ["unit__name", "pk"]
        verbose_name = _("veiledning")
        verbose_name_plural = _("veiledninger")

    def __str__(self) -> str:
        return f"{self.unit} {self.school_year}–{(self.school_year + 1) % 100:02d}"

    @property
    def planned(self) -> int:
        return self.planned_physical + self.planned_digital


class SupervisionSession(models.Model):
    supervision = models.ForeignKey(Supervision, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("Dato"))
    format = models.CharField(_("Form"), max_length=10, choices=SessionFormat.choices)
    held = models.BooleanField(_("Holdt"), default=False)
    participants = models.ManyToManyField(
        Employee, blank=True, related_name="supervision_sessions", verbose_name=_("Deltakere")
    )
    # For a unit that keeps counts only.
    count = models.PositiveIntegerField(_("Antall deltakere"), null=True, blank=True)
    notes = models.TextField(_("Kort notat"), blank=True, max_length=2000)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("veiledningsøkt")
        verbose_name_plural = _("veiledningsøkter")

    def __str__(self) -> str:
        return f"{self.supervision} {self.date}"


class NetworkKind(models.TextChoices):
    NETWORK = "network", _("Nettverk")
    COHORT = "cohort", _("Ressurspersoner")


class Network(models.Model):
    """A network (for example school coordinators with PP advisers, or kindergarten
    special-needs staff with PPT) or a cohort of resource persons (for example 30 staff
    with monthly webinars and two gatherings of three days): its members, its meetings,
    who came, and the minutes. The members are the people the coordinators invite, kept
    here with their unit and role; they need not be on a staff list."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="networks"
    )
    kind = models.CharField(_("Type"), max_length=10, choices=NetworkKind.choices)
    name = models.CharField(_("Navn"), max_length=200)
    description = models.TextField(
        _("Program og formål"),
        blank=True,
        max_length=5000,
        help_text=_("For eksempel: webinar hver måned og to samlinger à tre dager."),
    )
    meetings_per_semester = models.PositiveSmallIntegerField(
        _("Møter planlagt per semester"), default=2, validators=[MaxValueValidator(30)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "name", "pk"]
        verbose_name = _("nettverk")
        verbose_name_plural = _("nettverk")

    def __str__(self) -> str:
        return self.name


class NetworkMember(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("Navn"), max_length=200)
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Enhet"),
    )
    role = models.CharField(_("Rolle i nettverket"), max_length=200, blank=True)
    role_after = models.CharField(
        _("Rolle i enheten etterpå"),
        max_length=300,
        blank=True,
        help_text=_("For ressurspersoner: hva de gjør i enheten sin etter programmet."),
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("medlem")
        verbose_name_plural = _("medlemmer")

    def __str__(self) -> str:
        return self.name


class NetworkMeeting(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("Dato"))
    days = models.PositiveSmallIntegerField(
        _("Antall dager"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    title = models.CharField(_("Tema"), max_length=200, blank=True)
    format = models.CharField(_("Form"), max_length=10, choices=SessionFormat.choices)
    held = models.BooleanField(_("Holdt"), default=False)
    present = models.ManyToManyField(
        NetworkMember, blank=True, related_name="meetings", verbose_name=_("Til stede")
    )
    minutes = models.TextField(_("Referat"), blank=True, max_length=20000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("møte")
        verbose_name_plural = _("møter")

    def __str__(self) -> str:
        return f"{self.network} {self.date}"
