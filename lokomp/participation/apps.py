from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "lokomp.participation"
    label = "participation"

    def ready(self):
        from . import duties

        duties.register_kinds()
