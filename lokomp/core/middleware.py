"""Lokomp's own middleware: security headers, the user's language, and slow documents.

The user's own language: bokmål or nynorsk, as they chose it in the header.

The choice lives in Django's language cookie, which LocaleMiddleware reads on every request
without a query, and on the user, so it follows them to every device: signing in (or any
page that reads the user anyway) sets the cookie from the user's choice."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import render

from .pdf import DocumentTooSlow


@receiver(user_logged_in)
def _remember_language_on_login(sender, request, user, **kwargs):
    if request is not None and user.language:
        request._lokomp_language = user.language


def remember_language(response, request, language: str) -> None:
    """Django's language cookie, for a year, which LocaleMiddleware reads."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )


class SecurityHeadersMiddleware:
    """A Content Security Policy on every answer, and pages for a signed-in user kept out of
    shared and browser caches ("private, no-store"): they hold what only that user may see."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        user = getattr(request, "_cached_user", None)
        if user is not None and user.is_authenticated:
            response.headers.setdefault("Cache-Control", "private, no-store")
        return response


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = getattr(request, "_lokomp_language", "")
        user = getattr(request, "_cached_user", None)  # only if the view read the user
        if not language and user is not None and user.is_authenticated:
            language = user.language
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            remember_language(response, request, language)
        return response


class DocumentTooSlowMiddleware:
    """A PDF that was stopped for taking too long (core.pdf): a page that says so, 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DocumentTooSlow):
            return None
        response = render(request, "core/document_too_slow.html", status=503)
        response["Retry-After"] = "60"
        return response
