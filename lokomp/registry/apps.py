from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "lokomp.registry"
    label = "registry"

    def ready(self):
        from . import start

        start.register()
