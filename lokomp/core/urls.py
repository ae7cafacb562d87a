from django.urls import path

from . import mail_views, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("helse/", views.health, name="health"),
    path("naar/tolk/", views.when_preview, name="when_preview"),
    path("maalform/", views.language, name="language"),
    path("varsler/", mail_views.message_settings, name="message_settings"),
    path("utboks/", mail_views.outbox, name="outbox"),
]
