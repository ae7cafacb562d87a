from django.urls import path

from . import views

app_name = "reports"
R = "partnerskap/<slug:slug>/rapporter/"
urlpatterns = [
    path(R, views.report_list, name="list"),
    path(R + "<id:pk>/", views.report, name="report"),
    path(R + "<id:pk>/send/", views.report_submit, name="submit"),
    path(R + "<id:pk>/rapport.pdf", views.report_document, {"fmt": "pdf"}, name="pdf"),
    path(R + "<id:pk>/rapport.docx", views.report_document, {"fmt": "docx"}, name="docx"),
    path("partnerskap/<slug:slug>/utgifter/", views.expenses, name="expenses"),
    path("partnerskap/<slug:slug>/utgifter/<id:pk>/", views.expense, name="expense"),
    path("fylke/<county:number>/rapporter/", views.county_reports, name="county"),
    path("nasjonalt/", views.national, name="national"),
]
