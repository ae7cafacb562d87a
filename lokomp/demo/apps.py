from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "lokomp.demo"
    label = "demo"
