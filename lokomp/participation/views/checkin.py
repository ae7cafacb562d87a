"""Check-in in the room (no login), the code the coordinators show, and attendance from a
Teams report."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokomp.core.forms import DsForm
from lokomp.core.validators import parse_id
from lokomp.plans.access import get_partnership_for_plan_editor
from lokomp.plans.models import Activity

from .. import checkin as c
from .. import teams
from ..forms import UploadForm
from ..importing import ImportProblem, read_upload
from ..models import CheckInCode

ACTIVITY_PREFETCH = ("municipalities", "target_municipalities", "target_units", "tracks")


def _coordinated_activity(request, slug: str, pk: int) -> Activity:
    partnership = get_partnership_for_plan_editor(request, slug)
    found = (
        Activity.objects.filter(pk=pk, measure__plan__partnership=partnership)
        .select_related("measure__plan__partnership__county")
        .prefetch_related(*ACTIVITY_PREFETCH)
        .first()
    )
    if found is None:
        raise Http404("Fant ikke aktiviteten.")
    return found


@login_required
def check_in_code(request, slug: str, pk: int):
    """The coordinators' page to show in the room: the code, its QR code, and how many
    have checked in."""
    import segno

    activity = _coordinated_activity(request, slug, pk)
    if request.method == "POST":
        c.code_for(activity, request.user)
        return redirect("participation:check_in_code", slug=slug, pk=pk)
    code = CheckInCode.objects.filter(activity=activity).first()
    address = request.build_absolute_uri(reverse("participation:check_in_start"))
    qr = None
    if code is not None:
        link = request.build_absolute_uri(reverse("participation:check_in", args=[code.code]))
        qr = segno.make(link, error="m").svg_inline(
            scale=8, title=_("QR-kode til innsjekkingen"), dark="#000", light="#fff"
        )
    return render(
        request,
        "participation/check_in_code.html",
        {
            "activity": activity,
            "partnership": activity.measure.plan.partnership,
            "code": code,
            "qr": qr,
            "address": address,
            "open": c.is_open(activity, timezone.localdate()),
            "counted": c.checked_in_count(activity),
        },
    )


class CodeForm(DsForm):
    code = forms.CharField(
        label=gettext_lazy("Koden som vises i rommet"),
        max_length=20,
        error_messages={"required": gettext_lazy("Skriv koden.")},
    )


def check_in_start(request):
    """Where someone without the QR code types the short code."""
    form = CodeForm(request.GET or None)
    if form.is_valid():
        code = c.normalised_code(form.cleaned_data["code"])
        if CheckInCode.objects.filter(code=code).exists():
            return redirect("participation:check_in", code=code)
        form.add_error("code", _("Fant ingen innsjekking med den koden. Sjekk koden i rommet."))
    return render(request, "participation/check_in_start.html", {"form": form})


class CheckInForm(DsForm):
    unit = forms.TypedChoiceField(
        label=gettext_lazy("Enheten din"),
        coerce=int,
        error_messages={"required": gettext_lazy("Velg enheten din.")},
    )
    name = forms.CharField(
        label=gettext_lazy("Navnet ditt"),
        help_text=gettext_lazy("Slik det står på enhetens ansattliste, med fornavn og etternavn."),
        max_length=200,
        error_messages={"required": gettext_lazy("Skriv navnet ditt.")},
    )
    track = forms.TypedChoiceField(
        label=gettext_lazy("Parallellsesjon"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, units, tracks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("Velg enhet"))] + [
            (u.pk, f"{u.name} ({u.municipality.name})") for u in units
        ]
        if tracks:
            self.fields["track"].choices = [("", _("Ingen bestemt"))] + [
                (t.pk, t.title) for t in tracks
            ]
        else:
            del self.fields["track"]


def check_in(request, code: str):
    """Check in on a phone, without logging in."""
    found = (
        CheckInCode.objects.filter(code=c.normalised_code(code))
        .select_related("activity__measure__plan__partnership")
        .prefetch_related(*(f"activity__{p}" for p in ACTIVITY_PREFETCH))
        .first()
    )
    if found is None:
        raise Http404("Fant ingen innsjekking med den koden.")
    activity = found.activity
    if not c.is_open(activity, timezone.localdate()):
        return render(
            request, "participation/check_in.html", {"activity": activity, "closed": True}
        )
    units = c.check_in_units(activity)
    tracks = list(activity.tracks.all())
    form = CheckInForm(request.POST or None, units=units, tracks=tracks)
    if request.method == "POST" and form.is_valid():
        unit = next(u for u in units if u.pk == form.cleaned_data["unit"])
        track = next((t for t in tracks if t.pk == form.cleaned_data.get("track")), None)
        try:
            done = c.check_in(
                activity=activity, unit=unit, name=form.cleaned_data["name"], track=track
            )
        except c.NotOnList as missing:
            if missing.args[0] == 0:
                told = _(
                    "Navnet står ikke på ansattlisten til %(unit)s. Skriv det slik lederen har "
                    "ført det opp, eller be lederen registrere deg."
                ) % {"unit": unit.name}
            else:
                told = _("Navnet står flere ganger på listen. Be lederen registrere deg.")
            form.add_error("name", told)
        else:
            return render(
                request,
                "participation/check_in.html",
                {"activity": activity, "done": done},
            )
    return render(
        request,
        "participation/check_in.html",
        {"activity": activity, "form": form, "code": found.code},
    )


@login_required
def teams_import(request, slug: str, pk: int):
    """Read a Teams attendance report, show whom it matches, and record them once the
    coordinator confirms. The matches travel signed in the form, not in the database."""
    activity = _coordinated_activity(request, slug, pk)
    upload = UploadForm()
    if request.method == "POST" and "bekreft" in request.POST:
        try:
            ids = signing.loads(
                request.POST.get("matches", "")[:100_000],
                salt=f"teams-{activity.pk}",
                max_age=3600,
            )
        except signing.BadSignature:
            messages.error(request, _("Forhåndsvisningen er for gammel. Last opp filen på nytt."))
            return redirect("participation:teams_import", slug=slug, pk=pk)
        added = teams.record(
            activity=activity,
            employee_ids=[i for i in (parse_id(str(x)) for x in ids) if i is not None],
            user=request.user,
        )
        messages.success(request, _("%(n)s deltakere er registrert.") % {"n": added})
        return redirect("plans:activity", slug=slug, pk=pk)
    if request.method == "POST":
        upload = UploadForm(request.POST, request.FILES)
        if upload.is_valid():
            try:
                people = teams.participants(read_upload(upload.cleaned_data["file"]))
            except ImportProblem as problem:
                upload.add_error("file", str(problem))
            else:
                matched = teams.match(activity, people)
                return render(
                    request,
                    "participation/teams_review.html",
                    {
                        "activity": activity,
                        "partnership": activity.measure.plan.partnership,
                        "matched": matched,
                        "payload": signing.dumps(
                            [e.pk for e in matched.found], salt=f"teams-{activity.pk}"
                        ),
                    },
                )
    return render(
        request,
        "participation/teams_import.html",
        {"activity": activity, "partnership": activity.measure.plan.partnership, "form": upload},
    )
