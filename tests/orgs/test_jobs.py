import pytest
from django.urls import reverse

from orgs.jobs import JobRun, job_start, register_job_kind
from orgs.models import BackgroundJob

pytestmark = pytest.mark.django_db


def make_report(run: JobRun) -> tuple[str, bytes]:
    run.set_total(3)
    for index in range(3):
        run.step(index + 1, f"Bước {index + 1}")
    return "bao-cao.txt", b"xong"


def explode(run: JobRun) -> None:
    raise RuntimeError("hỏng")


register_job_kind("test.report", make_report)
register_job_kind("test.explode", explode)


def test_job_runs_on_commit_and_keeps_its_file(
    world, django_capture_on_commit_callbacks, client
):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(
            kind="test.report",
            label="Báo cáo thử",
            user=world.officer_a,
            unit=world.unit_a,
        )
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE and job.percent == 100
    client.force_login(world.officer_a)
    response = client.get(reverse("orgs:job-download", args=[job.pk]))
    assert b"".join(response.streaming_content) == b"xong"


def test_failed_job_says_so(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job_start(kind="test.explode", label="Hỏng", user=world.officer_a)
    job = BackgroundJob.objects.get(label="Hỏng")
    assert job.status == BackgroundJob.Status.FAILED
    assert "hỏng" in job.message


def test_someone_elses_job_is_404(world, client):
    job = BackgroundJob.objects.create(
        kind="test.report", label="Riêng", user=world.officer_a, unit=world.unit_a
    )
    client.force_login(world.officer_b)
    assert client.get(reverse("orgs:job-detail", args=[job.pk])).status_code == 404
    client.force_login(world.officer_a)
    assert (
        "Đang chờ"
        in client.get(reverse("orgs:job-detail", args=[job.pk])).content.decode()
    )
