from django.contrib import admin
from django.urls import include, path

import lokomp.core.converters  # noqa: F401  (registers the typed URL parameters)

urlpatterns = [
    path("", include("lokomp.core.urls")),
    path("konto/", include("lokomp.accounts.urls")),
    path("registeret/", include("lokomp.registry.urls")),
    path("partnerskap/", include("lokomp.partnerships.urls")),
    path("", include("lokomp.plans.urls")),
    path("", include("lokomp.needs.urls")),
    path("", include("lokomp.allocation.urls")),
    path("", include("lokomp.participation.urls")),
    path("", include("lokomp.evaluation.urls")),
    path("", include("lokomp.reports.urls")),
    path("admin/", admin.site.urls),
]

# A lost database connection gets its own message (core.views.server_error).
handler500 = "lokomp.core.views.server_error"
