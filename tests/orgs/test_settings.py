"""Production mode: refuse to start without secrets, and pass ``check --deploy``."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DEBUG",
            "SECURE_SSL_REDIRECT",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DEBUG="False", ALLOWED_HOSTS="tdkt.example.gov.vn")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", DEBUG="False", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_check_deploy_reports_nothing():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="False",
        SECRET_KEY="k9#Lq2@vW8!zR4$eT6^yU1&iO3*pA5(sD7)fG0_hJ-lZxCvBnM",
        ALLOWED_HOSTS="tdkt.example.gov.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_headers(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"


def database_settings(**env: str) -> dict:
    result = run_manage(
        "shell",
        "-c",
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.DATABASES, default=str))",
        DEBUG="True",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_postgresql_connections_give_up_after_a_bounded_wait():
    databases = database_settings(
        DATABASE_URL="postgres://tdkt@db.example:5432/tdkt",
        DATABASE_REPLICA_URL="postgres://tdkt@replica.example:5432/tdkt",
    )
    for alias in ("default", "replica"):
        assert databases[alias]["OPTIONS"]["connect_timeout"] == 5
        assert databases[alias]["CONN_HEALTH_CHECKS"] is True


def test_connect_timeout_in_the_url_or_environment_wins():
    in_url = database_settings(
        DATABASE_URL="postgres://tdkt@db.example:5432/tdkt?connect_timeout=2"
    )
    assert in_url["default"]["OPTIONS"]["connect_timeout"] in (2, "2")
    from_env = database_settings(
        DATABASE_URL="postgres://tdkt@db.example:5432/tdkt",
        DATABASE_CONNECT_TIMEOUT="9",
    )
    assert from_env["default"]["OPTIONS"]["connect_timeout"] == 9
