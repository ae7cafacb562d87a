"""The plan as documents users hand on (PDF, DOCX, XLSX) and calendars they subscribe to."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lokomp.partnerships.access import get_partnership_for_viewer
from lokomp.partnerships.models import Partnership
from lokomp.registry.models import Unit

from .. import documents, ical
from ..queries import get_plan


def _filename(plan, extension: str) -> str:
    return f"tiltaksplan-{plan.partnership.slug}-{plan.year_slug}.{extension}"


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def plan_document(request, slug: str, year: str, fmt: str):
    partnership = get_partnership_for_viewer(request, slug)
    plan = get_plan(partnership, year)
    content = documents.plan_document(plan, fmt, base_url=request.build_absolute_uri("/"))
    return _download(content, documents.CONTENT_TYPES[fmt], _filename(plan, fmt))


def calendar_response(request, version: str, render) -> HttpResponse:
    """The feed, or 304 Not Modified where the calendar program has this version already:
    programs poll every few hours, and an unchanged plan then costs two small queries."""
    etag = f'"{version}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(render(), content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "private, max-age=900"
    return response


def partnership_feed(request, token):
    """Subscribable by its secret link: no login (calendar clients cannot log in)."""
    partnership = get_object_or_404(
        Partnership.objects.select_related("county"), calendar_token=token
    )
    plans, version = ical.current_plans([partnership], today=timezone.localdate())
    return calendar_response(
        request, version, lambda: ical.partnership_calendar(partnership, plans)
    )


def unit_feed(request, token):
    unit = Unit.objects.select_related("municipality").filter(calendar_token=token).first()
    if unit is None:
        raise Http404("Fant ikke kalenderen.")
    plans, version = ical.current_plans(ical.unit_partnerships(unit), today=timezone.localdate())
    return calendar_response(
        request, f"{unit.pk}-{version}", lambda: ical.unit_calendar(unit, plans)
    )
