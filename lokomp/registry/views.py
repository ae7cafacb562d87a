from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lokomp.accounts.scoping import get_object_in, require
from lokomp.core.audit import save_with_audit
from lokomp.core.validators import parse_id
from lokomp.partnerships.services import calendar_token_renew

from .access import (
    county_audit_entries,
    editable_institutions,
    editable_municipalities,
    editable_owners,
    editable_units,
    institution_counties,
    may_edit_whole_unit,
    may_keep_registry,
    require_registry_keeper,
    visible_owners,
    visible_units,
)
from .forms import InstitutionForm, OwnerForm, UnitForm, UnitStaffForm
from .models import Institution, Municipality, Unit, UnitKind


def _form_page(request, form, *, action: str, title: str, county_of, done, cancel: str):
    """Save a valid posted form with its audit entry and go on; else show the form again
    with the messages next to the fields and what the user typed."""
    if request.method == "POST" and form.is_valid():
        saved = save_with_audit(
            form, user=request.user, action=action, county=county_of(form.instance)
        )
        messages.success(request, _("%(name)s er lagret.") % {"name": saved})
        return done(saved)
    return render(request, "registry/form.html", {"form": form, "title": title, "cancel": cancel})


def _unit_county(obj):
    """Units and owners belong to the county of their municipality."""
    return obj.municipality.county


def _to_unit(unit):
    return redirect("registry:unit", pk=unit.pk)


def _to_owner(owner):
    return redirect("registry:owner", pk=owner.pk)


@login_required
def unit_list(request):
    units = visible_units(request.user).select_related("municipality", "owner")
    municipality = request.GET.get("kommune", "")
    kind = request.GET.get("type", "")
    if (municipality_id := parse_id(municipality)) is not None:
        units = units.filter(municipality_id=municipality_id)
    if kind in UnitKind.values:
        units = units.filter(kind=kind)
    total_staff = units.aggregate(total=Sum("staff_count"))["total"] or 0
    page = Paginator(units.order_by("municipality__name", "kind", "name"), 50).get_page(
        request.GET.get("side")
    )
    municipalities = Municipality.objects.filter(
        pk__in=visible_units(request.user).values("municipality_id")
    )
    return render(
        request,
        "registry/unit_list.html",
        {
            "page": page,
            "total_staff": total_staff,
            "municipalities": municipalities,
            "kinds": UnitKind.choices,
            "selected_municipality": municipality,
            "selected_kind": kind,
            "can_create": editable_owners(request.user).exists(),
        },
    )


@login_required
def unit_detail(request, pk: int):
    unit = get_object_in(
        visible_units(request.user).select_related("owner", "municipality"),
        Unit.objects.none(),
        pk=pk,
    )
    can_edit = editable_units(request.user).filter(pk=pk).exists()
    from lokomp.participation.access import staff_units

    keeps_staff = staff_units(request.user).filter(pk=pk).exists()
    feed_url = request.build_absolute_uri(reverse("plans:unit_feed", args=[unit.calendar_token]))
    return render(
        request,
        "registry/unit_detail.html",
        {"unit": unit, "can_edit": can_edit, "keeps_staff": keeps_staff, "feed_url": feed_url},
    )


@login_required
@require_POST
def unit_calendar_renew(request, pk: int):
    unit = get_object_in(editable_units(request.user), visible_units(request.user), pk=pk)
    calendar_token_renew(obj=unit, user=request.user, county=unit.municipality.county)
    messages.success(request, _("Ny abonnementslenke er laget. Den gamle virker ikke lenger."))
    return redirect("registry:unit", pk=unit.pk)


@login_required
def unit_edit(request, pk: int):
    unit = get_object_in(editable_units(request.user), visible_units(request.user), pk=pk)
    if may_edit_whole_unit(request.user, unit):
        form_kwargs = {
            "owners": editable_owners(request.user),
            "municipalities": editable_municipalities(request.user),
        }
        form_class = UnitForm
    else:
        form_kwargs, form_class = {}, UnitStaffForm
    form = form_class(request.POST or None, instance=unit, **form_kwargs)
    return _form_page(
        request,
        form,
        action="registry.unit",
        title=_("Endre %(name)s") % {"name": unit},
        cancel=reverse("registry:unit", args=[unit.pk]),
        county_of=_unit_county,
        done=_to_unit,
    )


@login_required
def unit_create(request):
    owners = editable_owners(request.user)
    require(owners.exists(), "Bare Statsforvalteren og eierne kan registrere enheter.")
    form = UnitForm(
        request.POST or None, owners=owners, municipalities=editable_municipalities(request.user)
    )
    return _form_page(
        request,
        form,
        action="registry.unit",
        title=_("Ny enhet"),
        cancel=reverse("registry:units"),
        county_of=_unit_county,
        done=_to_unit,
    )


@login_required
def owner_list(request):
    owners = visible_owners(request.user).select_related("municipality").order_by("name")
    page = Paginator(owners, 50).get_page(request.GET.get("side"))
    return render(
        request,
        "registry/owner_list.html",
        {"page": page, "can_create": may_keep_registry(request.user)},
    )


@login_required
def owner_detail(request, pk: int):
    owner = get_object_in(
        visible_owners(request.user).select_related("municipality"), Unit.objects.none(), pk=pk
    )
    units = visible_units(request.user).filter(owner=owner).select_related("municipality")
    return render(
        request,
        "registry/owner_detail.html",
        {
            "owner": owner,
            "units": units,
            "can_edit": editable_owners(request.user).filter(pk=pk).exists(),
            "total_staff": sum(u.staff_count for u in units),
        },
    )


@login_required
def owner_edit(request, pk: int):
    owner = get_object_in(editable_owners(request.user), visible_owners(request.user), pk=pk)
    form = OwnerForm(
        request.POST or None, instance=owner, municipalities=editable_municipalities(request.user)
    )
    return _form_page(
        request,
        form,
        action="registry.owner",
        title=_("Endre %(name)s") % {"name": owner},
        cancel=reverse("registry:owner", args=[owner.pk]),
        county_of=_unit_county,
        done=_to_owner,
    )


@login_required
def owner_create(request):
    require_registry_keeper(request.user)
    municipalities = editable_municipalities(request.user)
    form = OwnerForm(request.POST or None, municipalities=municipalities)
    return _form_page(
        request,
        form,
        action="registry.owner",
        title=_("Ny eier"),
        cancel=reverse("registry:owners"),
        county_of=_unit_county,
        done=_to_owner,
    )


@login_required
def county_audit_log(request):
    """Every change in the county admin's counties: registry and partnerships alike."""
    entries = county_audit_entries(request.user)
    page = Paginator(entries, 50).get_page(request.GET.get("side"))
    return render(request, "registry/audit.html", {"page": page})


@login_required
def institution_list(request):
    institutions = Institution.objects.select_related("county").order_by("short_name")
    editable = set(editable_institutions(request.user).values_list("pk", flat=True))
    return render(
        request,
        "registry/institution_list.html",
        {
            "institutions": institutions,
            "editable": editable,
            "can_create": may_keep_registry(request.user),
        },
    )


@login_required
def institution_edit(request, pk: int | None = None):
    if pk is None:
        require_registry_keeper(request.user)
        institution = None
    else:
        institution = get_object_in(
            editable_institutions(request.user), Institution.objects.all(), pk=pk
        )
    form = InstitutionForm(request.POST or None, instance=institution)
    counties = institution_counties(request.user)
    if counties is not None:
        form.fields["county"].queryset = form.fields["county"].queryset.filter(pk__in=counties)
        form.fields["county"].required = True
    return _form_page(
        request,
        form,
        action="registry.institution",
        title=_("Endre %(name)s") % {"name": institution} if institution else _("Ny institusjon"),
        cancel=reverse("registry:institutions"),
        county_of=lambda saved: saved.county,
        done=lambda _saved: redirect("registry:institutions"),
    )
