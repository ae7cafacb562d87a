"""The user's own language: bokmål or nynorsk, as they chose it in the header."""

from django.utils import translation


class UserLanguageMiddleware:
    """After login the language the user chose wins over the browser's cookie and
    Accept-Language, on every device (LocaleMiddleware has set the others already)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = getattr(user, "language", "") if user and user.is_authenticated else ""
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
