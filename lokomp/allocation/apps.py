from django.apps import AppConfig


class AllocationConfig(AppConfig):
    name = "lokomp.allocation"
    label = "allocation"

    def ready(self):
        from . import start

        start.register()
