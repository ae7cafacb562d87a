from django.urls import path

from . import views

app_name = "partnerships"
urlpatterns = [
    path("", views.partnership_list, name="list"),
    path("<slug:slug>/", views.partnership_detail, name="detail"),
    path("<slug:slug>/endre/", views.partnership_edit, name="edit"),
    path("<slug:slug>/logg/", views.audit_log, name="audit"),
    path("<slug:slug>/ny-kalenderlenke/", views.calendar_renew, name="calendar_renew"),
    path("<slug:slug>/koordinatorer/", views.coordinators, name="coordinators"),
    path("<slug:slug>/plan/ny/", views.plan_new, name="plan_new"),
]
