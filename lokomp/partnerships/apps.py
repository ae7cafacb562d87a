from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "lokomp.partnerships"
    label = "partnerships"
