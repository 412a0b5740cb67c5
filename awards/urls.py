from django.urls import path

from awards.views import (
    activities,
    council,
    decision_print,
    decisions,
    dossiers,
    funds,
    monthly,
    nominees,
    public,
    records,
    search,
    transitions,
)

app_name = "awards"

urlpatterns = [
    # Dossiers of the unit, the secretariat's queue
    path("dossiers/", dossiers.DossierListView.as_view(), name="dossier-list"),
    path("dossiers/new/", dossiers.DossierCreateView.as_view(), name="dossier-create"),
    path(
        "dossiers/<int:pk>/",
        dossiers.DossierDetailView.as_view(),
        name="dossier-detail",
    ),
    path(
        "dossiers/<int:pk>/edit/",
        dossiers.DossierUpdateView.as_view(),
        name="dossier-update",
    ),
    path(
        "dossiers/<int:pk>/export/",
        dossiers.DossierExportView.as_view(),
        name="dossier-export",
    ),
    path(
        "dossiers/<int:pk>/evaluate/",
        dossiers.DossierEvaluateView.as_view(),
        name="dossier-evaluate",
    ),
    path(
        "dossiers/<int:pk>/public-comment/",
        dossiers.PublicCommentOpenView.as_view(),
        name="public-comment-open",
    ),
    path(
        "dossiers/<int:pk>/move/<slug:action>/",
        transitions.DossierTransitionView.as_view(),
        name="dossier-transition",
    ),
    path("queue/", dossiers.DossierQueueView.as_view(), name="dossier-queue"),
    # Nominees
    path(
        "dossiers/<int:pk>/nominees/",
        nominees.DossierNomineesView.as_view(),
        name="dossier-nominees",
    ),
    path(
        "dossiers/<int:pk>/nominees/paste/",
        nominees.NomineesFromListView.as_view(),
        name="dossier-nominees-paste",
    ),
    path(
        "dossiers/<int:pk>/nominees/import/",
        nominees.NomineesImportView.as_view(),
        name="dossier-nominees-import",
    ),
    path(
        "dossiers/<int:pk>/nominees/registrations/",
        nominees.NomineesFromRegistrationsView.as_view(),
        name="dossier-nominees-registrations",
    ),
    path(
        "nominees/<int:pk>/",
        nominees.NominationDetailView.as_view(),
        name="nomination-detail",
    ),
    path(
        "nominees/<int:pk>/edit/",
        nominees.NominationUpdateView.as_view(),
        name="nomination-update",
    ),
    path(
        "nominees/<int:pk>/remove/",
        nominees.NominationRemoveView.as_view(),
        name="nomination-remove",
    ),
    path(
        "nominees/<int:pk>/exclude/",
        nominees.NominationExcludeView.as_view(),
        name="nomination-exclude",
    ),
    path(
        "nominees/<int:pk>/restore/",
        nominees.NominationRestoreView.as_view(),
        name="nomination-restore",
    ),
    path(
        "verdicts/<int:pk>/override/",
        nominees.EligibilityOverrideView.as_view(),
        name="eligibility-override",
    ),
    # Files (served only through the scope)
    path(
        "dossiers/<int:pk>/files/",
        nominees.DossierFileUploadView.as_view(),
        name="dossier-file-upload",
    ),
    path("files/<int:pk>/", nominees.DossierFileView.as_view(), name="dossier-file"),
    path(
        "files/<int:pk>/remove/",
        nominees.DossierFileRemoveView.as_view(),
        name="dossier-file-remove",
    ),
    # Public comment
    path("public/", public.PublicListView.as_view(), name="public-list"),
    path(
        "public/<uuid:public_id>/",
        public.PublicDetailView.as_view(),
        name="public-detail",
    ),
    path(
        "comments/<int:pk>/handle/",
        public.PublicCommentHandleView.as_view(),
        name="public-comment-handle",
    ),
    # Records of the past
    path("records/", records.RecordListView.as_view(), name="record-list"),
    path("records/new/", records.RecordCreateView.as_view(), name="record-create"),
    path("records/export/", records.RecordExportView.as_view(), name="record-export"),
    path(
        "records/<int:pk>/revoke/",
        records.RecordRevokeView.as_view(),
        name="record-revoke",
    ),
    path("results/", records.ResultListView.as_view(), name="result-list"),
    path("results/entry/", records.ResultEntryView.as_view(), name="result-entry"),
    path("households/", records.HouseholdListView.as_view(), name="household-list"),
    path(
        "households/new/",
        records.HouseholdCreateView.as_view(),
        name="household-create",
    ),
    path(
        "households/<int:pk>/edit/",
        records.HouseholdUpdateView.as_view(),
        name="household-update",
    ),
    # Initiatives
    path(
        "initiatives/", activities.InitiativeListView.as_view(), name="initiative-list"
    ),
    path(
        "initiatives/new/",
        activities.InitiativeCreateView.as_view(),
        name="initiative-create",
    ),
    path(
        "initiatives/<int:pk>/",
        activities.InitiativeDetailView.as_view(),
        name="initiative-detail",
    ),
    path(
        "initiatives/<int:pk>/edit/",
        activities.InitiativeUpdateView.as_view(),
        name="initiative-update",
    ),
    path(
        "initiatives/<int:pk>/assess/",
        activities.InitiativeAssessView.as_view(),
        name="initiative-assess",
    ),
    # Movements
    path("movements/", activities.MovementListView.as_view(), name="movement-list"),
    path(
        "movements/new/",
        activities.MovementCreateView.as_view(),
        name="movement-create",
    ),
    path(
        "movements/<int:pk>/",
        activities.MovementDetailView.as_view(),
        name="movement-detail",
    ),
    path(
        "movements/<int:pk>/edit/",
        activities.MovementUpdateView.as_view(),
        name="movement-update",
    ),
    path(
        "movements/<int:pk>/advance/",
        activities.MovementAdvanceView.as_view(),
        name="movement-advance",
    ),
    # Registrations
    path(
        "registrations/",
        activities.RegistrationListView.as_view(),
        name="registration-list",
    ),
    path(
        "registrations/new/",
        activities.RegistrationCreateView.as_view(),
        name="registration-create",
    ),
    path(
        "registrations/<int:pk>/",
        activities.RegistrationDetailView.as_view(),
        name="registration-detail",
    ),
    path(
        "registrations/<int:pk>/submit/",
        activities.RegistrationSubmitView.as_view(),
        name="registration-submit",
    ),
    path(
        "registration-entries/<int:pk>/remove/",
        activities.RegistrationEntryRemoveView.as_view(),
        name="registration-entry-remove",
    ),
    # Council review (issue 6)
    path("council/", council.AgendaMeetingsView.as_view(), name="agenda-meetings"),
    path(
        "council/sessions/<int:pk>/",
        council.AgendaSessionView.as_view(),
        name="agenda-session",
    ),
    path(
        "council/sessions/<int:pk>/results.pdf",
        council.AgendaResultsPdfView.as_view(),
        name="agenda-results-pdf",
    ),
    path("council/entries/<int:pk>/", council.EntryView.as_view(), name="agenda-entry"),
    path(
        "council/entries/<int:pk>/vote/<int:nomination>/",
        council.NomineeVoteView.as_view(),
        name="agenda-vote",
    ),
    path(
        "council/entries/<int:pk>/vote-list/",
        council.ListVoteView.as_view(),
        name="agenda-vote-list",
    ),
    path(
        "council/entries/<int:pk>/mode/",
        council.EntryModeView.as_view(),
        name="agenda-mode",
    ),
    path(
        "council/entries/<int:pk>/conclude/",
        council.EntryConcludeView.as_view(),
        name="agenda-conclude",
    ),
    path(
        "council/entries/<int:pk>/remove/",
        council.EntryRemoveView.as_view(),
        name="agenda-remove",
    ),
    path(
        "council/votes/<int:pk>/delete/",
        council.VoteDeleteView.as_view(),
        name="agenda-vote-delete",
    ),
    # Decisions
    path("decisions/", decisions.DecisionListView.as_view(), name="decision-list"),
    path(
        "decisions/pending/",
        decisions.DecisionPendingView.as_view(),
        name="decision-pending",
    ),
    path(
        "decisions/<int:pk>/",
        decisions.DecisionDetailView.as_view(),
        name="decision-detail",
    ),
    path(
        "decisions/<int:pk>/edit/",
        decisions.DecisionUpdateView.as_view(),
        name="decision-update",
    ),
    path(
        "decisions/<int:pk>/issue/",
        decisions.DecisionIssueView.as_view(),
        name="decision-issue",
    ),
    path(
        "decisions/<int:pk>/discard/",
        decisions.DecisionDiscardView.as_view(),
        name="decision-discard",
    ),
    path(
        "decisions/<int:pk>/correct/",
        decisions.CorrectionDraftView.as_view(),
        name="decision-correct",
    ),
    path(
        "decisions/<int:pk>/correct/<int:line>/",
        decisions.CorrectionLineView.as_view(),
        name="decision-correction-line",
    ),
    path(
        "decision-lines/<int:pk>/remove/",
        decisions.CorrectionLineRemoveView.as_view(),
        name="decision-line-remove",
    ),
    path(
        "decisions/<int:pk>/revoke/",
        decisions.RevocationDraftView.as_view(),
        name="decision-revoke",
    ),
    path(
        "decisions/<int:pk>/recover/",
        decisions.RecoveryView.as_view(),
        name="decision-recover",
    ),
    path(
        "decisions/<int:pk>/pdf/",
        decision_print.DecisionPdfView.as_view(),
        name="decision-pdf",
    ),
    path(
        "decisions/<int:pk>/export/",
        decision_print.DecisionExportView.as_view(),
        name="decision-export",
    ),
    path(
        "decisions/<int:pk>/certificates/",
        decision_print.CertificatesView.as_view(),
        name="decision-certificates",
    ),
    # Public verification of a certificate (no account)
    path("verify/", decision_print.VerifyView.as_view(), name="certificate-check"),
    path(
        "verify/<str:code>/",
        decision_print.VerifyView.as_view(),
        name="certificate-verify",
    ),
    # Fund ledger
    path("funds/", funds.FundListView.as_view(), name="fund-list"),
    path("funds/<int:pk>/", funds.FundDetailView.as_view(), name="fund-detail"),
    path("funds/<int:pk>/budget/", funds.FundBudgetView.as_view(), name="fund-budget"),
    path("funds/<int:pk>/export/", funds.FundExportView.as_view(), name="fund-export"),
    # History and search
    path("search/", search.SearchView.as_view(), name="search"),
    path(
        "history/people/<int:pk>/",
        search.PersonHistoryView.as_view(),
        name="history-person",
    ),
    path(
        "history/units/<int:pk>/",
        search.UnitHistoryView.as_view(),
        name="history-unit",
    ),
    # Cluster proposals taken up as dossiers
    path(
        "cluster-proposals/",
        search.ClusterProposalListView.as_view(),
        name="cluster-proposals",
    ),
    path(
        "cluster-proposals/<int:pk>/take-up/",
        search.ClusterProposalTakeUpView.as_view(),
        name="cluster-proposal-take-up",
    ),
    # Monthly recognition
    path("monthly/", monthly.MonthlyHomeView.as_view(), name="monthly-home"),
    path("monthly/new/", monthly.ProposalOpenView.as_view(), name="monthly-open"),
    path(
        "monthly/proposals/<int:pk>/",
        monthly.ProposalDetailView.as_view(),
        name="monthly-proposal",
    ),
    path(
        "monthly/proposals/<int:pk>/submit/",
        monthly.ProposalSubmitView.as_view(),
        name="monthly-submit",
    ),
    path(
        "monthly/entries/<int:pk>/remove/",
        monthly.EntryRemoveView.as_view(),
        name="monthly-entry-remove",
    ),
    path(
        "monthly/entries/<int:pk>/review/",
        monthly.EntryReviewView.as_view(),
        name="monthly-entry-review",
    ),
    path(
        "monthly/<int:org>/<int:year>/<int:month>/",
        monthly.MonthView.as_view(),
        name="monthly-month",
    ),
    path(
        "monthly/<int:org>/<int:year>/<int:month>/decision/",
        monthly.MonthDecisionView.as_view(),
        name="monthly-decision",
    ),
]
