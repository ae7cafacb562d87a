from django.urls import path

from .views import calendar, exports, importing, plan, planning, preview, public

app_name = "plans"
P = "partnerskap/<slug:slug>/plan/<schoolyear:year>/"
urlpatterns = [
    path("naar/tolk/plan/", preview.when_preview, name="when_preview"),
    path(P, plan.plan_table, name="plan"),
    path(P + "endre/", plan.plan_edit, name="plan_edit"),
    path(P + "kalender/", calendar.plan_calendar, name="calendar"),
    path(P + "planleggingsdager/", planning.planning_days, name="planning_days"),
    path(P + "importer/", importing.plan_import, name="plan_import"),
    path(P + "tiltak/ny/", plan.measure_form, name="measure_create"),
    path(P + "tiltak/<id:number>/", plan.measure_detail, name="measure"),
    path(P + "tiltak/<id:number>/endre/", plan.measure_form, name="measure_edit"),
    path(P + "tiltak/<id:number>/slett/", plan.measure_delete_view, name="measure_delete"),
    path(P + "tiltak/<id:number>/aktiviteter/ny/", plan.activity_form, name="activity_create"),
    path(P + "tiltaksplan.pdf", exports.plan_document, {"fmt": "pdf"}, name="plan_pdf"),
    path(P + "tiltaksplan.docx", exports.plan_document, {"fmt": "docx"}, name="plan_docx"),
    path(P + "tiltaksplan.xlsx", exports.plan_document, {"fmt": "xlsx"}, name="plan_xlsx"),
    path("partnerskap/<slug:slug>/aktiviteter/<id:pk>/", plan.activity_detail, name="activity"),
    path(
        "partnerskap/<slug:slug>/aktiviteter/<id:pk>/endre/",
        plan.activity_form,
        name="activity_edit",
    ),
    path(
        "partnerskap/<slug:slug>/aktiviteter/<id:pk>/slett/",
        plan.activity_delete_view,
        name="activity_delete",
    ),
    path(
        "kalender/partnerskap/<uuid:token>.ics", exports.partnership_feed, name="partnership_feed"
    ),
    path("kalender/enhet/<uuid:token>.ics", exports.unit_feed, name="unit_feed"),
    path("offentlig/<slug:slug>/", public.public_plan, name="public"),
]
