from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lokomp.core"
    label = "core"
