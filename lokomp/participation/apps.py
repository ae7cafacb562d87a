from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "lokomp.participation"
    label = "participation"
