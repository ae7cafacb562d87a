"""A person's choice of how to hear of each kind of duty, and the service administrator's
outbox (queued, sent, failed, with the error)."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .audit import log_action
from .duties import DutyKind, kinds
from .models import Message, MessageChoice, MessagePreference, MessageStatus

PAGE_SIZE = 50


def _options(legal: bool) -> list[tuple[str, Any]]:
    return [(c.value, c.label) for c in MessageChoice if not (legal and c == MessageChoice.NEVER)]


@dataclass
class _Row:
    kind: DutyKind
    options: list[tuple[str, Any]]
    chosen: str


@login_required
def message_settings(request):
    stored = dict(MessagePreference.objects.filter(user=request.user).values_list("kind", "how"))
    rows = [_Row(k, _options(k.legal), stored.get(k.code, MessageChoice.AT_ONCE)) for k in kinds()]
    if request.method == "POST":
        changed = {}
        for row in rows:
            posted = request.POST.get(row.kind.code, row.chosen)
            if posted in dict(row.options) and posted != row.chosen:
                changed[row.kind.code] = posted
        with transaction.atomic():
            for code, how in changed.items():
                MessagePreference.objects.update_or_create(
                    user=request.user, kind=code, defaults={"how": how}
                )
            if changed:
                log_action(
                    "core.message_settings.changed",
                    user=request.user,
                    obj=request.user,
                    changes=changed,
                )
        messages.success(request, _("Valgene er lagret."))
        return redirect("core:message_settings")
    return render(request, "core/message_settings.html", {"rows": rows})


@login_required
def outbox(request):
    """For the service's administrator only (a superuser); everyone else gets 404."""
    if not request.user.is_superuser:
        raise Http404
    status = request.GET.get("status", "")
    shown = Message.objects.select_related("recipient")
    if status in MessageStatus.values:
        shown = shown.filter(status=status)
    page = Paginator(shown.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("side")
    )
    return render(
        request,
        "core/outbox.html",
        {"page": page, "status": status, "statuses": MessageStatus.choices},
    )
