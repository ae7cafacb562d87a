from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "lokomp.evaluation"
    label = "evaluation"
