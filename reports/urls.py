from django.urls import path

from reports.views import achievement, cluster_reports, drill, official, statistics

app_name = "reports"

urlpatterns = [
    path("", statistics.IndexView.as_view(), name="index"),
    path("awards/", statistics.AwardsView.as_view(), name="awards"),
    path(
        "direct-workers/",
        statistics.DirectWorkersView.as_view(),
        name="direct-workers",
    ),
    path("initiatives/", statistics.InitiativesView.as_view(), name="initiatives"),
    path(
        "cluster-scores/",
        statistics.ClusterScoresView.as_view(),
        name="cluster-scores",
    ),
    path("processing/", statistics.ProcessingView.as_view(), name="processing"),
    path("funds/", statistics.FundsView.as_view(), name="funds"),
    path("drill/<slug:dataset>/", drill.DrillView.as_view(), name="drill"),
    path("forms/<str:code>/", official.FormPage.as_view(), name="form"),
    path("forms/<str:code>/pdf/", official.FormPdfView.as_view(), name="form-pdf"),
    path("forms/<str:code>/xlsx/", official.FormXlsxView.as_view(), name="form-xlsx"),
    path(
        "cluster-reports/",
        cluster_reports.ClusterReportListView.as_view(),
        name="cluster-report-list",
    ),
    path(
        "cluster-reports/new/<int:pk>/",
        cluster_reports.ClusterReportCreateView.as_view(),
        name="cluster-report-create",
    ),
    path(
        "cluster-reports/<int:pk>/",
        cluster_reports.ClusterReportDetailView.as_view(),
        name="cluster-report-detail",
    ),
    path(
        "cluster-reports/<int:pk>/pdf/",
        cluster_reports.ClusterReportPdfView.as_view(),
        name="cluster-report-pdf",
    ),
    path(
        "cluster-reports/<int:pk>/issue/",
        cluster_reports.ClusterReportIssueView.as_view(),
        name="cluster-report-issue",
    ),
    path(
        "achievement/",
        achievement.AchievementListView.as_view(),
        name="achievement-list",
    ),
    path(
        "achievement/<int:pk>/",
        achievement.AchievementView.as_view(),
        name="achievement",
    ),
]
