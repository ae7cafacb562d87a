from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lokomp.reports"
    label = "reports"
