from django.urls import path

from .views import decisions, forum, meeting, rounds

app_name = "allocation"
F = "fylke/<county:number>/"
R = F + "runde/<year:year>/"
urlpatterns = [
    path(R, rounds.round_page, name="round"),
    path(R + "innstillinger/", rounds.round_settings, name="round_settings"),
    path(R + "neste/", rounds.round_next, name="round_next"),
    path(R + "forum/", forum.forum_page, name="forum"),
    path(R + "vurdering/<id:pk>/", forum.score_page, name="score"),
    path(R + "vurdering/<id:pk>/inhabil/", forum.conflict_declare_view, name="conflict"),
    path(F + "kriterier/", forum.criteria_page, name="criteria"),
    path(F + "samarbeidsforum/", forum.forum_members, name="forum_members"),
    path(F + "samarbeidsforum/tilknytning/<id:pk>/fjern/", forum.tie_delete, name="tie_delete"),
]
urlpatterns += [
    path(R + "mote/", meeting.meeting, name="meeting"),
    path(R + "mote/vedta/", meeting.agree, name="agree"),
]
urlpatterns += [
    path(
        R + f"innstilling.{fmt}",
        meeting.recommendation_document,
        {"fmt": fmt},
        name=f"recommendation_{fmt}",
    )
    for fmt in ("docx", "pdf", "xlsx")
]
urlpatterns += [
    path(R + "vedtak/", decisions.decisions_page, name="decisions"),
    path(R + "vedtak/ny/<id:pk>/", decisions.decision_new, name="decision_new"),
    path(R + "tall/", decisions.county_report, name="county_report"),
    path("vedtak/<id:pk>/", decisions.decision_detail, name="decision"),
    path("vedtak/<id:pk>/rett/", decisions.decision_correct, name="decision_correct"),
    path("vedtak/<id:pk>/utbetaling/", decisions.payment_new, name="payment_new"),
    path(
        "vedtak/<id:pk>/vedtak.docx",
        decisions.decision_letter,
        {"fmt": "docx"},
        name="decision_docx",
    ),
    path(
        "vedtak/<id:pk>/vedtak.pdf", decisions.decision_letter, {"fmt": "pdf"}, name="decision_pdf"
    ),
]
