from django.urls import path

from .views import evaluations

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
]
