import sys

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from lokomp.core.validators import is_number

from . import duties, start
from .middleware import remember_language
from .when import WhenParseError, parse_when
from .when import warnings as when_warnings


@require_GET
def health(request):
    """A bare view: the benchmark's yardstick, and the load balancer's health check."""
    return HttpResponse("ok", content_type="text/plain")


def home(request):
    """The start page: the person's own work first («Å gjøre», from the duties every stage
    registers), then what each stage has to show them; a visitor who is not signed in sees
    the public sections."""
    today = timezone.localdate()
    if not request.user.is_authenticated:
        sections = start.rendered_sections(request, today, public=True)
        return render(request, "core/welcome.html", {"sections": sections})
    return render(
        request,
        "core/home.html",
        {
            "todo": [(d, d.overdue(today)) for d in duties.duties_of(request.user.pk, today)],
            "sections": start.rendered_sections(request, today, public=False),
        },
    )


@login_required
@require_GET
def when_preview(request):
    """The "tolket som …" line under a NÅR field (htmx fragment). A plan's own fields ask
    `plans:when_preview`, which also knows the region's planning days."""
    text, school_year = preview_input(request)
    return render(request, "core/when_preview.html", when_preview_context(text, school_year))


def preview_input(request) -> tuple[str, int | None]:
    """The text and school year a preview asks about, bounded: a year the scheme can be
    about, or none ("0", "10000" or 5 000 digits are ignored)."""
    text = request.GET.get("when_text", "")[:1000]
    raw_year = request.GET.get("school_year", "")
    return text, int(raw_year) if is_number(raw_year) and len(raw_year) == 4 else None


def when_preview_context(text: str, school_year: int | None, planning_days=()) -> dict:
    if not text.strip():
        return {"empty": True}
    try:
        when = parse_when(text, school_year, planning_days=planning_days)
    except WhenParseError as error:
        return {"error": str(error), "text": text}
    return {"when": when, "warnings": when_warnings(when)}


@require_POST
def language(request):
    """Choose bokmål or nynorsk: remembered in a cookie for this browser, and on the user
    for every device once logged in. Back to the page the choice was made on."""
    code = request.POST.get("language", "")
    if code not in dict(settings.LANGUAGES):
        code = settings.LANGUAGE_CODE
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("core:home")
    if request.user.is_authenticated and request.user.language != code:
        request.user.language = code
        request.user.save(update_fields=["language"])
    response = redirect(target)
    remember_language(response, request, code)
    return response


# Fields of a posted form that are the page's own, not something the user typed.
_NOT_TYPED = ("csrfmiddlewaretoken", "seen", "next")


def server_error(request):
    """Django's answer to an uncaught error. When the database went away (a restart, a
    lost connection) the transaction was rolled back: the user is told that nothing of this
    request was stored, gets back what they typed, and can send it again. Rendered without
    the request's context, so it needs no database."""
    error = sys.exc_info()[1]
    if not isinstance(error, (OperationalError, InterfaceError)):
        return HttpResponseServerError(loader.render_to_string("500.html"))
    typed = []
    if request.method == "POST":
        typed = [
            value[:100_000]
            for name, values in list(request.POST.lists())[:200]
            if name not in _NOT_TYPED and "password" not in name and not name.endswith("-rev")
            for value in values
            if len(value.strip()) > 3
        ]
    page = loader.render_to_string(
        "503_database.html", {"posted": request.method == "POST", "typed": typed}
    )
    response = HttpResponse(page, status=503)
    response["Retry-After"] = "30"
    return response
