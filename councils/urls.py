from django.urls import path

from councils import views

app_name = "councils"

urlpatterns = [
    path("", views.CouncilListView.as_view(), name="council-list"),
    path("new/", views.CouncilCreateView.as_view(), name="council-create"),
    path("<int:pk>/", views.CouncilDetailView.as_view(), name="council-detail"),
    path("<int:pk>/edit/", views.CouncilUpdateView.as_view(), name="council-update"),
    path(
        "<int:pk>/compositions/new/",
        views.CompositionCreateView.as_view(),
        name="composition-create",
    ),
    path(
        "compositions/<int:pk>/",
        views.CompositionDetailView.as_view(),
        name="composition-detail",
    ),
    path(
        "compositions/<int:pk>/edit/",
        views.CompositionUpdateView.as_view(),
        name="composition-update",
    ),
    path(
        "compositions/<int:pk>/members/new/",
        views.MemberCreateView.as_view(),
        name="member-create",
    ),
    path(
        "members/<int:pk>/edit/", views.MemberUpdateView.as_view(), name="member-update"
    ),
    path(
        "<int:pk>/meetings/new/",
        views.MeetingCreateView.as_view(),
        name="meeting-create",
    ),
    path(
        "meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"
    ),
    path(
        "meetings/<int:pk>/edit/",
        views.MeetingUpdateView.as_view(),
        name="meeting-update",
    ),
    path(
        "meetings/<int:pk>/close/",
        views.MeetingCloseView.as_view(),
        name="meeting-close",
    ),
    path(
        "meetings/<int:pk>/cancel/",
        views.MeetingCancelView.as_view(),
        name="meeting-cancel",
    ),
    path(
        "meetings/<int:pk>/attendance/all-present/",
        views.AttendanceAllPresentView.as_view(),
        name="attendance-all-present",
    ),
    path(
        "attendance/<int:pk>/",
        views.AttendanceUpdateView.as_view(),
        name="attendance-update",
    ),
    path(
        "meetings/<int:pk>/agenda/new/",
        views.AgendaCreateView.as_view(),
        name="agenda-create",
    ),
    path(
        "agenda/<int:pk>/edit/", views.AgendaUpdateView.as_view(), name="agenda-update"
    ),
    path(
        "agenda/<int:pk>/delete/",
        views.AgendaDeleteView.as_view(),
        name="agenda-delete",
    ),
    path(
        "agenda/<int:pk>/votes/new/", views.VoteCreateView.as_view(), name="vote-create"
    ),
    path("votes/<int:pk>/delete/", views.VoteDeleteView.as_view(), name="vote-delete"),
    path(
        "meetings/<int:pk>/conclusions/new/",
        views.ConclusionCreateView.as_view(),
        name="conclusion-create",
    ),
    path(
        "conclusions/<int:pk>/edit/",
        views.ConclusionUpdateView.as_view(),
        name="conclusion-update",
    ),
    path(
        "conclusions/<int:pk>/tasks/new/",
        views.TaskCreateView.as_view(),
        name="task-create",
    ),
    path(
        "tasks/<int:pk>/complete/",
        views.TaskCompleteView.as_view(),
        name="task-complete",
    ),
    path(
        "meetings/<int:pk>/minutes/issue/",
        views.MinutesIssueView.as_view(),
        name="minutes-issue",
    ),
    path(
        "meetings/<int:pk>/minutes.pdf",
        views.MinutesPdfView.as_view(),
        name="minutes-pdf",
    ),
    path(
        "<int:pk>/consultations/new/",
        views.ConsultationCreateView.as_view(),
        name="consultation-create",
    ),
    path(
        "consultations/<int:pk>/",
        views.ConsultationDetailView.as_view(),
        name="consultation-detail",
    ),
    path(
        "consultations/<int:pk>/documents/new/",
        views.DocumentAddView.as_view(),
        name="consultation-document-add",
    ),
    path(
        "consultations/<int:pk>/send/",
        views.ConsultationSendView.as_view(),
        name="consultation-send",
    ),
    path(
        "consultations/<int:pk>/answer/",
        views.ConsultationAnswerView.as_view(),
        name="consultation-answer",
    ),
    path(
        "consultations/<int:pk>/record/",
        views.ConsultationRecordView.as_view(),
        name="consultation-record",
    ),
    path(
        "consultations/<int:pk>/close/",
        views.ConsultationCloseView.as_view(),
        name="consultation-close",
    ),
    path(
        "consultations/<int:pk>/report.pdf",
        views.ConsultationPdfView.as_view(),
        name="consultation-pdf",
    ),
    path(
        "documents/<int:pk>/",
        views.DocumentDownloadView.as_view(),
        name="consultation-document",
    ),
]
