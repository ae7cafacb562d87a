from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views
from .forms import PasswordResetForm, SetPasswordForm

app_name = "accounts"
urlpatterns = [
    path(
        "logg-inn/",
        views.LoginView.as_view(),
        name="login",
    ),
    # Feide and ID-porten (OpenID Connect): off to the provider, and back.
    path("logg-inn/<slug:provider>/", views.external_login, name="external_login"),
    path("logg-inn/<slug:provider>/retur/", views.external_callback, name="external_callback"),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("invitasjon/<uuid:token>/", views.invitation, name="invitation"),
    # A forgotten password: a link by e-mail, valid for a day, used once.
    path(
        "glemt-passord/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            form_class=PasswordResetForm,
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_sent"),
        ),
        name="password_reset",
    ),
    path(
        "glemt-passord/sendt/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password_reset_sent",
    ),
    path(
        "nytt-passord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            form_class=SetPasswordForm,
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "nytt-passord/ferdig/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
]
