from django.urls import path

from .views import (
    attendance,
    checkin,
    coverage,
    groups,
    mine,
    onboarding,
    signup,
    staff,
    supervision,
)

app_name = "participation"
U = "registeret/enheter/<id:pk>/ansatte/"
urlpatterns = [
    path(U, staff.staff, name="staff"),
    path(U + "ny/", staff.employee_form, name="employee_new"),
    path(U + "<id:employee>/", staff.employee_form, name="employee"),
    path(U + "innstillinger/", staff.staff_settings, name="staff_settings"),
    path(U + "importer/", staff.staff_import, name="staff_import"),
    path(U + "importer/kontroller/", staff.staff_import_review, name="staff_import_review"),
    path(U + "ansatte.csv", staff.staff_export, {"fmt": "csv"}, name="staff_csv"),
    path(U + "ansatte.xlsx", staff.staff_export, {"fmt": "xlsx"}, name="staff_xlsx"),
]
urlpatterns += [
    path("registeret/enheter/<id:pk>/oppmote/", attendance.attendance_list, name="attendance_list"),
    path(
        "registeret/enheter/<id:pk>/oppmote/<id:activity>/",
        attendance.attendance,
        name="attendance",
    ),
]
urlpatterns += [
    path(
        "registeret/enheter/<id:pk>/pamelding/<id:activity>/",
        signup.sign_up_page,
        name="sign_up",
    ),
    path(
        "registeret/enheter/<id:pk>/pamelding/trekk/<id:sign_up>/",
        signup.sign_up_cancel,
        name="sign_up_cancel",
    ),
]
urlpatterns += [
    path("mine-aktiviteter/", mine.my_activities, name="my_activities"),
    path("kalender/ansatt/<uuid:token>.ics", mine.my_feed, name="my_feed"),
    path(
        "mine-aktiviteter/<id:activity>/pamelding/",
        mine.my_sign_up,
        name="my_sign_up",
    ),
]
urlpatterns += [
    path("inn/", checkin.check_in_start, name="check_in_start"),
    path("inn/<str:code>/", checkin.check_in, name="check_in"),
    path(
        "partnerskap/<slug:slug>/aktiviteter/<id:pk>/innsjekking/",
        checkin.check_in_code,
        name="check_in_code",
    ),
    path(
        "partnerskap/<slug:slug>/aktiviteter/<id:pk>/teams/",
        checkin.teams_import,
        name="teams_import",
    ),
]
urlpatterns += [
    path("partnerskap/<slug:slug>/introduksjon/", onboarding.programmes, name="programmes"),
    path(
        "partnerskap/<slug:slug>/introduksjon/ny/",
        onboarding.programme_form,
        name="programme_new",
    ),
    path(
        "partnerskap/<slug:slug>/introduksjon/<id:pk>/",
        onboarding.programme_form,
        name="programme",
    ),
    path(
        "registeret/enheter/<id:pk>/introduksjon/",
        onboarding.unit_onboarding,
        name="unit_onboarding",
    ),
]
urlpatterns += [
    path("fylke/<county:number>/dekning/", coverage.county_coverage, name="county_coverage"),
    path(
        "partnerskap/<slug:slug>/dekning/",
        coverage.partnership_coverage,
        name="partnership_coverage",
    ),
]
N = "partnerskap/<slug:slug>/nettverk/"
urlpatterns += [
    path(N, groups.networks, name="networks"),
    path(N + "ny/", groups.network_form, name="network_new"),
    path(N + "<id:pk>/", groups.network, name="network"),
    path(N + "<id:pk>/endre/", groups.network_form, name="network_edit"),
    path(N + "<id:network>/mote/ny/", groups.meeting_form, name="meeting_new"),
    path(N + "<id:network>/mote/<id:pk>/", groups.meeting_form, name="meeting"),
]
V = "partnerskap/<slug:slug>/veiledning/"
urlpatterns += [
    path(V, supervision.supervisions, name="supervisions"),
    path(V + "ny/", supervision.supervision_form, name="supervision_new"),
    path(V + "<id:pk>/", supervision.supervision, name="supervision"),
    path(V + "<id:pk>/endre/", supervision.supervision_form, name="supervision_edit"),
    path(V + "<id:supervision>/okt/ny/", supervision.session_form, name="session_new"),
    path(V + "<id:supervision>/okt/<id:pk>/", supervision.session_form, name="session"),
    path(
        "registeret/enheter/<id:pk>/veiledning/",
        supervision.unit_supervision,
        name="unit_supervision",
    ),
]
