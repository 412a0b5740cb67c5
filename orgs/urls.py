from django.urls import path

from orgs import views

app_name = "orgs"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("units/", views.UnitListView.as_view(), name="unit-list"),
    path("units/<int:pk>/", views.UnitDetailView.as_view(), name="unit-detail"),
    path(
        "units/options/",
        views.PickerOptionsView.as_view(
            source="units", permission_required="orgs.view_unit"
        ),
        name="unit-options",
    ),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/new/", views.PersonCreateView.as_view(), name="person-create"),
    path(
        "people/options/",
        views.PickerOptionsView.as_view(
            source="people", permission_required="orgs.view_person"
        ),
        name="person-options",
    ),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person-detail"),
    path(
        "people/<int:pk>/edit/", views.PersonUpdateView.as_view(), name="person-update"
    ),
    path("documents/", views.DocumentListView.as_view(), name="document-list"),
    path(
        "documents/<int:pk>/",
        views.DocumentDetailView.as_view(),
        name="document-detail",
    ),
    path(
        "documents/<int:pk>/pdf/", views.DocumentPdfView.as_view(), name="document-pdf"
    ),
    path(
        "documents/sample/<int:pk>/pdf/",
        views.SamplePdfView.as_view(),
        name="document-sample-pdf",
    ),
    path("parameters/", views.ParameterListView.as_view(), name="parameter-list"),
    path("jobs/<int:pk>/", views.JobDetailView.as_view(), name="job-detail"),
    path(
        "jobs/<int:pk>/download/", views.JobDownloadView.as_view(), name="job-download"
    ),
]
