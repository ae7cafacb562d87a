from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("lokomp.core.urls")),
    path("konto/", include("lokomp.accounts.urls")),
    path("registeret/", include("lokomp.registry.urls")),
    path("partnerskap/", include("lokomp.partnerships.urls")),
    path("", include("lokomp.plans.urls")),
    path("", include("lokomp.needs.urls")),
    path("admin/", admin.site.urls),
]
