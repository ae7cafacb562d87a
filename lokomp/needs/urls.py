from django.urls import path

from .views import county, report

app_name = "needs"
R = "behovsmelding/<id:pk>/"
F = "fylke/<county:number>/"
urlpatterns = [
    path("partnerskap/<slug:slug>/behovsmeldinger/", report.report_list, name="list"),
    path("partnerskap/<slug:slug>/behovsmeldinger/ny/", report.report_new, name="new"),
    path(R, report.report_overview, name="report"),
    path(R + "del/<id:index>/", report.report_section, name="section"),
    path(R + "send/", report.report_submit_view, name="submit"),
    path(R + "gjenapne/", report.report_reopen_view, name="reopen"),
    path(R + "tillat-etter-frist/", report.report_allow_late_view, name="allow_late"),
    path(R + "versjon/<version:number>/", report.report_version, name="version"),
    path(R + "versjon/<id:number>/endringer/", report.report_changes, name="changes"),
    path(
        R + "versjon/<version:number>/behovsmelding.pdf",
        report.report_document,
        {"fmt": "pdf"},
        name="pdf",
    ),
    path(
        R + "versjon/<version:number>/behovsmelding.docx",
        report.report_document,
        {"fmt": "docx"},
        name="docx",
    ),
    path(F + "behovsmeldinger/<year:year>/alle.zip", county.county_download, name="county_zip"),
    path(F + "skjema/", county.template_list, name="templates"),
    path(F + "skjema/<id:pk>/", county.template_detail, name="template"),
    path(F + "skjema/<id:pk>/kopier/", county.template_copy_view, name="template_copy"),
    path(F + "skjema/<id:pk>/nytt-sporsmal/", county.question_new, name="question_new"),
    path(F + "sporsmal/<id:pk>/endre/", county.question_edit, name="question_edit"),
    path(F + "sporsmal/<id:pk>/fjern/", county.question_delete_view, name="question_delete"),
]
