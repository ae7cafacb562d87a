from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lokomp.reports"
    label = "reports"

    def ready(self):
        from . import duties, start

        start.register()
        duties.register_kinds()
