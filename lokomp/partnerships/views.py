from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lokomp.accounts.models import Role
from lokomp.accounts.services import invitation_send
from lokomp.core.models import AuditEntry
from lokomp.core.validators import parse_id
from lokomp.needs.access import can_read_reports
from lokomp.participation.access import leads
from lokomp.plans.access import can_edit_plan, get_partnership_for_plan_editor
from lokomp.plans.services import plan_create
from lokomp.registry.models import Owner

from .access import (
    can_edit_partnership,
    can_see_audit,
    get_partnership_for_editor,
    get_partnership_for_viewer,
    visible_partnerships,
)
from .forms import (
    CountyShareFormSet,
    InviteCoordinatorForm,
    NewPlanForm,
    PartnershipForm,
    SteeringGroupFormSet,
)
from .services import (
    calendar_token_renew,
    coordinator_remove,
    partnership_update,
)


@login_required
def partnership_list(request):
    partnerships = visible_partnerships(request.user).select_related("county").order_by("name")
    page = Paginator(partnerships, 50).get_page(request.GET.get("side"))
    return render(request, "partnerships/list.html", {"page": page})


@login_required
def partnership_detail(request, slug: str):
    partnership = get_partnership_for_viewer(request, slug)
    owner_links = partnership.owner_links.select_related("owner", "owner__municipality")
    institution_links = partnership.institution_links.select_related("institution")
    coordinators = partnership.role_assignments.filter(role=Role.COORDINATOR).select_related("user")
    return render(
        request,
        "partnerships/detail.html",
        {
            "partnership": partnership,
            "owner_links": owner_links,
            "institution_links": institution_links,
            "coordinators": coordinators,
            "steering_group": partnership.steering_group.all(),
            "county_shares": partnership.county_shares.select_related("county"),
            "plans": partnership.plans.order_by("-school_year"),
            "schemes": partnership.schemes.all(),
            "can_edit": can_edit_partnership(request.user, partnership),
            "can_edit_plan": can_edit_plan(request.user, partnership),
            "can_see_coverage": leads(request.user),
            "can_see_audit": can_see_audit(request.user, partnership),
            "can_read_reports": can_read_reports(request.user, partnership),
            "feed_url": request.build_absolute_uri(
                reverse("plans:partnership_feed", args=[partnership.calendar_token])
            ),
        },
    )


@login_required
def partnership_edit(request, slug: str):
    partnership = get_partnership_for_editor(request, slug)
    owners = Owner.objects.filter(municipality__county=partnership.county) | Owner.objects.filter(
        partnership_links__partnership=partnership
    )
    owners = owners.distinct().select_related("municipality").order_by("name")
    data = request.POST or None
    form = PartnershipForm(data, instance=partnership, owners=owners)
    steering = SteeringGroupFormSet(data, instance=partnership, prefix="styring")
    shares = CountyShareFormSet(data, instance=partnership, prefix="andel")
    if request.method == "POST" and form.is_valid() and steering.is_valid() and shares.is_valid():
        partnership_update(form=form, steering=steering, shares=shares, user=request.user)
        messages.success(request, _("Partnerskapet er lagret."))
        return redirect("partnerships:detail", slug=partnership.slug)
    return render(
        request,
        "partnerships/edit.html",
        {"partnership": partnership, "form": form, "steering": steering, "shares": shares},
    )


@login_required
def coordinators(request, slug: str):
    partnership = get_partnership_for_editor(request, slug)
    form = InviteCoordinatorForm(request.POST or None)
    if request.method == "POST" and "fjern" in request.POST:
        assignment = get_object_or_404(
            partnership.role_assignments.filter(role=Role.COORDINATOR),
            pk=parse_id(request.POST["fjern"]) or 0,
        )
        coordinator_remove(assignment=assignment, by=request.user)
        messages.success(
            request, _("%(user)s er ikke lenger koordinator.") % {"user": assignment.user}
        )
        return redirect("partnerships:coordinators", slug=slug)
    if request.method == "POST" and form.is_valid():
        try:
            invitation_send(
                partnership=partnership,
                email=form.cleaned_data["email"],
                side=form.cleaned_data["side"],
                by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except OSError:  # the mail server did not take it: nothing is stored
            form.add_error(None, _("E-posten kunne ikke sendes nå. Prøv igjen om litt."))
        else:
            messages.success(
                request,
                _("Invitasjonen er sendt til %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("partnerships:coordinators", slug=slug)
    current = partnership.role_assignments.filter(role=Role.COORDINATOR).select_related("user")
    pending = partnership.invitations.filter(accepted_at__isnull=True)
    return render(
        request,
        "partnerships/coordinators.html",
        {"partnership": partnership, "form": form, "current": current, "pending": pending},
    )


@login_required
@require_POST
def calendar_renew(request, slug: str):
    partnership = get_partnership_for_editor(request, slug)
    calendar_token_renew(obj=partnership, user=request.user, partnership=partnership)
    messages.success(request, _("Ny abonnementslenke er laget. Den gamle virker ikke lenger."))
    return redirect("partnerships:detail", slug=slug)


@login_required
def audit_log(request, slug: str):
    partnership = get_partnership_for_editor(request, slug)
    entries = AuditEntry.objects.filter(partnership=partnership).select_related("user")
    page = Paginator(entries, 50).get_page(request.GET.get("side"))
    return render(request, "partnerships/audit.html", {"partnership": partnership, "page": page})


@login_required
def plan_new(request, slug: str):
    partnership = get_partnership_for_plan_editor(request, slug)
    latest = partnership.plans.order_by("-school_year").first()
    initial = {"school_year": latest.school_year + 1 if latest else None}
    form = NewPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["school_year"]
        if partnership.plans.filter(school_year=year).exists():
            form.add_error(
                "school_year", _("Partnerskapet har allerede en plan for dette skoleåret.")
            )
        else:
            plan = plan_create(
                partnership=partnership,
                school_year=year,
                copy_previous=form.cleaned_data["copy_from_previous"],
                user=request.user,
            )
            messages.success(
                request,
                _("Tiltaksplanen for %(year)s er opprettet.") % {"year": plan.school_year_label},
            )
            return redirect("plans:plan", slug=partnership.slug, year=plan.year_slug)
    return render(request, "partnerships/plan_new.html", {"partnership": partnership, "form": form})
