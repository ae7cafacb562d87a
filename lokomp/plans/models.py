"""The action plan (tiltaksplan): goals, measures and the activities under them."""

import uuid

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lokomp.core.fields import CodeSetField
from lokomp.core.models import Scheduled
from lokomp.core.when import school_year_label
from lokomp.partnerships.models import Partnership, Scheme
from lokomp.registry.models import Institution, Municipality, Owner, Unit, UnitKind

from .targets import TargetCount, stated_in_text


class ActionPlan(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="plans")
    school_year = models.PositiveSmallIntegerField(
        _("Skoleår"), help_text=_("Første år i skoleåret: 2025 for 2025–2026.")
    )
    title = models.CharField(_("Tittel"), max_length=200, blank=True)
    introduction = models.TextField(_("Innledning"), blank=True)
    approval_note = models.CharField(
        _("Godkjenning"),
        max_length=300,
        blank=True,
        help_text=_("For eksempel «Godkjent med justeringer i styremøte 11. juni 2025»."),
    )
    caveat = models.CharField(_("Forbehold"), max_length=200, blank=True)
    published = models.BooleanField(
        _("Publisert"),
        default=False,
        help_text=_("Publiserte planer vises på den offentlige siden."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("partnership", "school_year")]
        ordering = ["partnership__name", "-school_year"]
        verbose_name = _("tiltaksplan")
        verbose_name_plural = _("tiltaksplaner")

    def __str__(self) -> str:
        return self.title or gettext("Tiltaksplan %(year)s") % {"year": self.school_year_label}

    @property
    def school_year_label(self) -> str:
        return school_year_label(self.school_year)

    @property
    def year_slug(self) -> str:
        return f"{self.school_year}-{self.school_year + 1}"


class GoalLevel(models.TextChoices):
    LONG_TERM = "long_term", _("Langsiktig mål")
    SUB = "sub", _("Delmål")


class Goal(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goals")
    level = models.CharField(_("Nivå"), max_length=10, choices=GoalLevel.choices)
    text = models.TextField(_("Mål"))
    order = models.PositiveSmallIntegerField(_("Rekkefølge"), default=0)

    class Meta:
        ordering = ["level", "order", "id"]
        verbose_name = _("mål")
        verbose_name_plural = _("mål")

    def __str__(self) -> str:
        return self.text[:80]


class TargetRole(models.TextChoices):
    ALL_STAFF = "all_staff", _("Alle ansatte")
    LEADERS = "leaders", _("Ledere")
    NEW_EMPLOYEES = "new_employees", _("Nyansatte")
    COORDINATORS = "coordinators", _("Koordinatorer")
    PP_ADVISERS = "pp_advisers", _("PP-rådgivere")
    SPECIAL_NEEDS_STAFF = "special_needs", _("Spesialpedagogisk personale")
    RESOURCE_PERSONS = "resource_persons", _("Ressurspersoner")
    OWNERS = "owners", _("Eiere")
    PARENTS = "parents", _("Foreldre")


class TargetScope(models.TextChoices):
    PARTNERSHIP = "partnership", _("Hele partnerskapet")
    MUNICIPALITIES = "municipalities", _("Utvalgte kommuner")
    UNITS = "units", _("Utvalgte enheter")


class Format(models.TextChoices):
    PHYSICAL = "physical", _("Fysisk")
    DIGITAL = "digital", _("Digitalt")
    MIXED = "mixed", _("Fysisk og digitalt")


class Status(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    DONE = "done", _("Gjennomført")
    CANCELLED = "cancelled", _("Avlyst")


class Targeted(models.Model):
    """MÅLGRUPPE held as structure: unit kinds, roles, a scope and a size. The size is
    computed from the registry where it can be (all staff of the kinds in scope) or
    stated where it cannot ("6 ansatte i to pilotkommuner")."""

    target_text = models.CharField(
        _("Målgruppe (slik den står i planen)"), max_length=300, blank=True
    )
    target_unit_kinds = CodeSetField("Enhetstyper", choices=UnitKind.choices)
    target_roles = CodeSetField("Roller", choices=TargetRole.choices)
    target_scope = models.CharField(
        _("Omfang"), max_length=16, choices=TargetScope.choices, default=TargetScope.PARTNERSHIP
    )
    target_municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="+", verbose_name=_("Kommuner")
    )
    target_units = models.ManyToManyField(
        Unit, blank=True, related_name="+", verbose_name=_("Enheter")
    )
    target_size_stated = models.PositiveIntegerField(
        _("Antall deltakere (oppgitt)"),
        null=True,
        blank=True,
        help_text=_("Fyll ut når antallet ikke kan regnes ut fra enhetsregisteret."),
    )

    class Meta:
        abstract = True

    @property
    def target_unit_kind_labels(self) -> list[str]:
        return [str(UnitKind(k).label) for k in self.target_unit_kinds]

    @property
    def target_role_labels(self) -> list[str]:
        return [str(TargetRole(r).label) for r in self.target_roles]

    @property
    def target_summary(self) -> str:
        """MÅLGRUPPE in words: the plan's own wording, else built from the structure."""
        if self.target_text:
            return self.target_text
        roles = [label.lower() for label in self.target_role_labels] or [gettext("alle ansatte")]
        text = ", ".join(roles)
        kinds = self.target_unit_kind_labels
        if kinds:
            names = [k if k in ("SFO", "PPT") else k.lower() for k in kinds]
            joined = (
                names[0]
                if len(names) == 1
                else gettext("%(list)s og %(last)s")
                % {"list": ", ".join(names[:-1]), "last": names[-1]}
            )
            text += gettext(" i %(kinds)s") % {"kinds": joined}
        return text[:1].upper() + text[1:]

    def target_count(self, units: list[Unit]) -> TargetCount:
        """The stated number and the registry's count (partnership units given)."""
        in_text = stated_in_text(self.target_text)
        stated = self.target_size_stated if self.target_size_stated is not None else in_text
        pool = self._registry_pool(units)
        registry = None
        counted_on = None
        if pool is not None:
            registry = sum(u.staff_count for u in pool)
            dates = [u.staff_counted_on for u in pool if u.staff_counted_on]
            counted_on = max(dates) if dates else None
        return TargetCount(
            stated=stated,
            registry=registry,
            counted_on=counted_on,
            stated_in_text=stated is not None and stated == in_text,
        )

    def _registry_pool(self, units: list[Unit]) -> list[Unit] | None:
        """The units whose staff are the target group, where the registry can tell: only
        when a registry group is chosen (never the whole partnership by default), and
        never for people who are not staff (leaders alone, parents, owners)."""
        roles = set(self.target_roles)
        if roles and TargetRole.ALL_STAFF not in roles:
            return None
        kinds = set(self.target_unit_kinds)
        if self.target_scope == TargetScope.UNITS:
            chosen = {u.pk for u in self.target_units.all()}
            if not chosen:
                return None
            pool = [u for u in units if u.pk in chosen]
        elif self.target_scope == TargetScope.MUNICIPALITIES:
            chosen = {m.pk for m in self.target_municipalities.all()}
            if not chosen:
                return None
            pool = [u for u in units if u.municipality_id in chosen]
        elif kinds or TargetRole.ALL_STAFF in roles:
            pool = list(units)
        else:
            return None
        return [u for u in pool if not kinds or u.kind in kinds]

    @property
    def units_missing(self) -> bool:
        """ "Utvalgte enheter" with none chosen yet."""
        return self.target_scope == TargetScope.UNITS and not self.target_units.all()


class Measure(Scheduled, Targeted):
    """A measure (tiltak): HVA, HVORDAN, MÅLGRUPPE, NÅR, ANSVAR."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="measures")
    number = models.PositiveSmallIntegerField(_("Nummer"))
    title = models.CharField(_("Hva"), max_length=300)
    how = models.TextField(_("Hvordan"), blank=True)
    rationale = models.TextField(
        _("Begrunnelse"),
        blank=True,
        help_text=_("Hvorfor tiltaket er valgt (fra behovsmeldingen)."),
    )
    scheme = models.ForeignKey(
        Scheme, on_delete=models.PROTECT, related_name="measures", verbose_name=_("Ordning")
    )
    format = models.CharField(_("Form"), max_length=10, choices=Format.choices, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    goals = models.ManyToManyField(Goal, blank=True, related_name="measures", verbose_name=_("Mål"))
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["number", "id"]
        unique_together = [("plan", "number")]
        verbose_name = _("tiltak")
        verbose_name_plural = _("tiltak")

    def __str__(self) -> str:
        return gettext("Tiltak %(number)s: %(title)s") % {
            "number": self.number,
            "title": self.title,
        }


class ActivityKind(models.TextChoices):
    SESSION = "session", _("Samling")
    WEBINAR = "webinar", _("Webinar")
    MEETING = "meeting", _("Møte")
    NETWORK = "network", _("Nettverksmøte")
    SUPERVISION = "supervision", _("Veiledning")
    VISIT = "visit", _("Besøk")
    OTHER = "other", _("Annet")


class Activity(Scheduled, Targeted):
    """A dated occurrence under a measure: a session, a webinar, a meeting."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("Tittel"), max_length=300)
    kind = models.CharField(_("Type"), max_length=12, choices=ActivityKind.choices)
    description = models.TextField(_("Innhold"), blank=True)
    format = models.CharField(_("Form"), max_length=10, choices=Format.choices, blank=True)
    location = models.CharField(_("Sted"), max_length=200, blank=True)
    link = models.URLField(_("Lenke"), blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    scheme = models.ForeignKey(
        Scheme,
        on_delete=models.PROTECT,
        related_name="activities",
        null=True,
        blank=True,
        verbose_name=_("Ordning"),
        help_text=_("Tom: samme som tiltaket."),
    )
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="activities", verbose_name=_("Kommuner som deltar")
    )
    capacity = models.PositiveIntegerField(
        _("Antall plasser"),
        null=True,
        blank=True,
        help_text=_("Tomt: ingen grense. Er det fullt, kommer nye påmeldte på venteliste."),
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["when_start", "when_start_time", "id"]
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")

    def __str__(self) -> str:
        return self.title

    @property
    def effective_scheme(self) -> Scheme:
        return self.scheme or self.measure.scheme


class Track(models.Model):
    """A parallel track of an activity (two parallel lectures on a full-day session)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="tracks")
    title = models.CharField(_("Tittel"), max_length=300)
    speaker = models.CharField(_("Innleder"), max_length=200, blank=True)
    room = models.CharField(_("Rom/sted"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("Antall plasser"), null=True, blank=True)
    audience = models.CharField(_("For hvem"), max_length=200, blank=True)
    start_time = models.TimeField(_("Fra"), null=True, blank=True)
    end_time = models.TimeField(_("Til"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("Rekkefølge"), default=0)

    class Meta:
        ordering = ["order", "start_time", "id"]
        verbose_name = _("parallelt løp")
        verbose_name_plural = _("parallelle løp")

    def __str__(self) -> str:
        return self.title


class Responsibility(models.Model):
    """ANSVAR: an organisation (or a role) and what it does for the measure."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="responsibilities")
    institution = models.ForeignKey(
        Institution, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("Institusjon")
    )
    owner = models.ForeignKey(
        Owner, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("Eier")
    )
    party = models.CharField(
        _("Ansvarlig (tekst)"),
        max_length=200,
        blank=True,
        help_text=_("Når ansvaret ligger hos en rolle: «Styrer, rektor, leder PPT»."),
    )
    task = models.CharField(
        _("Gjør"),
        max_length=300,
        blank=True,
        help_text=_("For eksempel «har det faglige ansvaret»."),
    )
    order = models.PositiveSmallIntegerField(_("Rekkefølge"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("ansvar")
        verbose_name_plural = _("ansvar")

    def __str__(self) -> str:
        return f"{self.party_name}: {self.task}" if self.task else self.party_name

    @property
    def party_name(self) -> str:
        if self.party:
            return self.party
        return str(self.institution or self.owner or "")
