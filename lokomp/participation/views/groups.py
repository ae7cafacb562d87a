"""Networks and resource-person cohorts: the coordinators keep the members and the
meetings (who came, the minutes); those who lead in the partnership read them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lokomp.core.audit import save_with_audit
from lokomp.plans.access import can_edit_plan, get_partnership_for_plan_editor
from lokomp.plans.queries import units_of

from ..access import get_partnership_for_coverage
from ..forms import MeetingForm, MemberFormSet, NetworkForm
from ..models import Network, NetworkMeeting


def _units(partnership):
    return units_of(partnership).order_by("name")


@login_required
def networks(request, slug: str):
    partnership = get_partnership_for_coverage(request, slug)
    found = (
        Network.objects.filter(partnership=partnership)
        .annotate(
            member_count=Count("members", distinct=True),
            held=Count("meetings", filter=Q(meetings__held=True), distinct=True),
            planned=Count("meetings", distinct=True),
        )
        .order_by("kind", "name")
    )
    return render(
        request,
        "participation/networks.html",
        {
            "partnership": partnership,
            "networks": found,
            "can_edit": can_edit_plan(request.user, partnership),
        },
    )


@login_required
def network(request, slug: str, pk: int):
    partnership = get_partnership_for_coverage(request, slug)
    found = get_object_or_404(Network, partnership=partnership, pk=pk)
    members = list(found.members.select_related("unit"))
    meetings = list(found.meetings.annotate(came=Count("present")).order_by("date", "pk"))
    return render(
        request,
        "participation/network.html",
        {
            "partnership": partnership,
            "network": found,
            "members": members,
            "meetings": meetings,
            "can_edit": can_edit_plan(request.user, partnership),
        },
    )


@login_required
def network_form(request, slug: str, pk: int | None = None):
    partnership = get_partnership_for_plan_editor(request, slug)
    instance = (
        get_object_or_404(Network, partnership=partnership, pk=pk)
        if pk
        else Network(partnership=partnership)
    )
    data = request.POST or None
    form = NetworkForm(data, instance=instance)
    members = MemberFormSet(data, instance=instance, prefix="m", units=_units(partnership))
    if request.method == "POST" and form.is_valid() and members.is_valid():
        with transaction.atomic():
            saved = save_with_audit(
                form, user=request.user, action="participation.network", partnership=partnership
            )
            members.instance = saved
            members.save()
        messages.success(request, _("«%(name)s» er lagret.") % {"name": saved})
        return redirect("participation:network", slug=slug, pk=saved.pk)
    return render(
        request,
        "participation/network_form.html",
        {
            "partnership": partnership,
            "form": form,
            "members": members,
            "network": instance if pk else None,
        },
    )


@login_required
def meeting_form(request, slug: str, network: int, pk: int | None = None):
    partnership = get_partnership_for_plan_editor(request, slug)
    found = get_object_or_404(Network, partnership=partnership, pk=network)
    instance = (
        get_object_or_404(NetworkMeeting, network=found, pk=pk)
        if pk
        else NetworkMeeting(network=found)
    )
    form = MeetingForm(request.POST or None, instance=instance, network=found)
    if request.method == "POST" and form.is_valid():
        save_with_audit(
            form, user=request.user, action="participation.meeting", partnership=partnership
        )
        messages.success(request, _("Møtet er lagret."))
        return redirect("participation:network", slug=slug, pk=found.pk)
    return render(
        request,
        "participation/meeting_form.html",
        {
            "partnership": partnership,
            "network": found,
            "form": form,
            "meeting": instance if pk else None,
        },
    )
