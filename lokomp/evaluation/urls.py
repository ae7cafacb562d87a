from django.urls import path

from .views import evaluations, indicators, resources, surveys

app_name = "evaluation"
A = "partnerskap/<slug:slug>/aktiviteter/<id:pk>/evaluering/"
urlpatterns = [
    path(A, evaluations.activity_evaluation, name="activity_evaluation"),
    path(A + "resultater.xlsx", evaluations.evaluation_xlsx, name="xlsx"),
    path("svar/<str:code>/", evaluations.answer, name="answer"),
    path(
        "partnerskap/<slug:slug>/evalueringsskjema/",
        evaluations.questions,
        name="questions",
    ),
    path("partnerskap/<slug:slug>/foreldreressurser/", resources.resources, name="resources"),
    path(
        "partnerskap/<slug:slug>/foreldreressurser/ny/",
        resources.resource_form,
        name="resource_new",
    ),
    path(
        "partnerskap/<slug:slug>/foreldreressurser/<id:pk>/",
        resources.resource_form,
        name="resource",
    ),
    path("partnerskap/<slug:slug>/indikatorer/", indicators.indicators, name="indicators"),
    path(
        "partnerskap/<slug:slug>/indikatorer/importer/",
        indicators.indicators_import,
        name="indicators_import",
    ),
    path(
        "partnerskap/<slug:slug>/indikatorer/ny/",
        indicators.indicator_form,
        name="indicator_new",
    ),
    path(
        "partnerskap/<slug:slug>/indikatorer/<id:pk>/",
        indicators.indicator_form,
        name="indicator",
    ),
    path("partnerskap/<slug:slug>/kartlegging/", surveys.survey_list, name="surveys"),
    path("partnerskap/<slug:slug>/kartlegging/ny/", surveys.survey_form, name="survey_new"),
    path("partnerskap/<slug:slug>/kartlegging/<id:pk>/", surveys.survey, name="survey"),
    path(
        "partnerskap/<slug:slug>/kartlegging/<id:pk>/endre/",
        surveys.survey_form,
        name="survey_edit",
    ),
    path("kartlegging/<str:code>/", surveys.survey_answer, name="survey_answer"),
    path(
        "registeret/enheter/<id:pk>/indikatorer/",
        indicators.unit_indicators,
        name="unit_indicators",
    ),
    path(
        "registeret/enheter/<id:pk>/foreldremoter/",
        resources.unit_resources,
        name="unit_resources",
    ),
]
