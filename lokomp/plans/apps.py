from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "lokomp.plans"
    label = "plans"
