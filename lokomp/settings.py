"""Lokomp settings: one module, configured by environment variables.

A bad value is an error at start-up, not a surprise later.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean, got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# LOKOMP_PRODUCTION=1 on a server on the internet: a secret key of its own, cookies only over
# HTTPS, HSTS, and HTTPS behind the proxy (docs/operations.md). Off for `make run` and tests.
PRODUCTION = env_bool("LOKOMP_PRODUCTION", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production")
    SECRET_KEY = "lokomp-development-key-not-for-production"
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
VAR_DIR = Path(env_str("LOKOMP_VAR_DIR", str(BASE_DIR / "var")))
# SQLite does not create folders; the collected static files live here too.
VAR_DIR.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "lokomp.core",
    "lokomp.accounts",
    "lokomp.registry",
    "lokomp.partnerships",
    "lokomp.plans",
    "lokomp.needs",
    "lokomp.allocation",
    "lokomp.participation",
    "lokomp.evaluation",
    "lokomp.reports",
    "lokomp.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lokomp.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lokomp.core.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "lokomp.core.middleware.DocumentTooSlowMiddleware",
    # Last: refuses a login from an account or address that has guessed too often.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lokomp.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lokomp" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "lokomp.wsgi.application"

# SQLite by default (nothing to install), PostgreSQL when DATABASE_URL is set.
_database_url = os.environ.get("DATABASE_URL")
if _database_url:
    DATABASES = {
        "default": dj_database_url.parse(_database_url, conn_max_age=60, conn_health_checks=True)
    }
    # No JIT compilation: the pages' queries are short, and compiling a plan with many
    # subqueries (the coverage figures) costs a second each time for nothing.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(VAR_DIR / "lokomp.sqlite3")),
            "OPTIONS": {
                # Writers queue for up to 20 s instead of failing with "database is locked".
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Guessing: after 5 failed logins an account, and separately an address, waits 15 minutes.
# Every failure is logged (axes' access log, in the admin). Behind a proxy, set
# AXES_IPWARE_PROXY_COUNT to the number of proxies so the client's address is the one counted.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env_int("AXES_IPWARE_PROXY_COUNT", 0) or None

# E-mail (password reset now, reminders later) through Django's SMTP backend.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
# With the file backend (`make run`), each mail is a file here, to read without a mail server.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Lokomp <ikke-svar@lokomp.no>")
PASSWORD_RESET_TIMEOUT = 3600 * 24

# A PDF that takes longer than this many seconds is stopped, and the user told so; a zip of
# a county's reports gets the second figure in all.
EXPORT_SECONDS = env_int("LOKOMP_EXPORT_SECONDS", 20)
# How long after someone has left the unit their name and e-mail address are kept (days).
STAFF_RETENTION_DAYS = env_int("LOKOMP_STAFF_RETENTION_DAYS", 365)
EXPORT_ZIP_SECONDS = env_int("LOKOMP_EXPORT_ZIP_SECONDS", 90)


def _login_provider(prefix: str, scope: str, acr_values: str) -> dict[str, str] | None:
    """Feide or ID-porten by OpenID Connect, when its issuer and client are set."""
    issuer = env_str(f"{prefix}_ISSUER", "")
    if not issuer:
        return None
    provider = {
        "issuer": issuer.rstrip("/"),
        "client_id": env_str(f"{prefix}_CLIENT_ID", ""),
        "client_secret": env_str(f"{prefix}_CLIENT_SECRET", ""),
        "scope": env_str(f"{prefix}_SCOPE", scope),
        "acr_values": env_str(f"{prefix}_ACR_VALUES", acr_values),
    }
    if not provider["client_id"] or not provider["client_secret"]:
        raise ImproperlyConfigured(f"{prefix}_CLIENT_ID and {prefix}_CLIENT_SECRET must be set")
    return provider


# Login with Feide (staff of schools, kindergartens and universities) and ID-porten (everyone
# else), each on when its LOKOMP_<NAME>_ISSUER is set (docs/operations.md).
LOGIN_PROVIDERS = {
    name: provider
    for name, provider in {
        "feide": _login_provider("LOKOMP_FEIDE", "openid email profile", ""),
        "idporten": _login_provider(
            "LOKOMP_IDPORTEN", "openid profile", "idporten-loa-substantial"
        ),
    }.items()
    if provider
}
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Bokmål is the source language; the nynorsk catalogue is lokomp/locale/nn (compiled by
# make). The choice is remembered per user, and per browser (a cookie) when logged out.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk")]
LOCALE_PATHS = [BASE_DIR / "lokomp" / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
_NODE = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/designsystemet-css", _NODE / "@digdir" / "designsystemet-css" / "dist" / "src"),
    ("vendor/designsystemet-theme", _NODE / "@digdir" / "designsystemet-theme" / "brand"),
    ("vendor/htmx", _NODE / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-free meta tag anyway
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Behind a proxy that ends TLS and says so, so that links (calendar feeds) are https://.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Pages load scripts and styles from Lokomp itself only; style attributes carry the scheme
# colours, htmx adds its indicator style.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
