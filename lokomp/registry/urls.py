from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("enheter/", views.unit_list, name="units"),
    path("enheter/ny/", views.unit_create, name="unit_create"),
    path("enheter/<id:pk>/", views.unit_detail, name="unit"),
    path("enheter/<id:pk>/endre/", views.unit_edit, name="unit_edit"),
    path(
        "enheter/<id:pk>/ny-kalenderlenke/", views.unit_calendar_renew, name="unit_calendar_renew"
    ),
    path("eiere/", views.owner_list, name="owners"),
    path("eiere/ny/", views.owner_create, name="owner_create"),
    path("eiere/<id:pk>/", views.owner_detail, name="owner"),
    path("eiere/<id:pk>/endre/", views.owner_edit, name="owner_edit"),
    path("logg/", views.county_audit_log, name="audit"),
    path("institusjoner/", views.institution_list, name="institutions"),
    path("institusjoner/ny/", views.institution_edit, name="institution_create"),
    path("institusjoner/<id:pk>/endre/", views.institution_edit, name="institution_edit"),
]
