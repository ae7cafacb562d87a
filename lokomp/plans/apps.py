from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "lokomp.plans"
    label = "plans"

    def ready(self):
        from . import start

        start.register()
