from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "lokomp.needs"
    label = "needs"
