from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lokomp.accounts"
    label = "accounts"

    def ready(self):
        from . import start

        start.register()
