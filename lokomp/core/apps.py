from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lokomp.core"
    label = "core"

    def ready(self):
        from . import lookups  # noqa: F401 — registers the lookups on the fields
