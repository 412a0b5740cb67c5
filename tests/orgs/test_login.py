import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_is_vietnamese(client):
    assert "Đăng nhập" in client.get(reverse("login")).content.decode()


def test_wrong_password_message_is_vietnamese(client, world):
    response = client.post(
        reverse("login"), {"username": "officer_a", "password": "sai"}
    )
    assert "không đúng" in response.content.decode()


def test_correct_password_logs_in(client, world):
    response = client.post(
        reverse("login"), {"username": "officer_a", "password": "Matkhau@2026"}
    )
    assert response.status_code == 302


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "officer_a", "password": "sai"})
    response = client.post(
        reverse("login"), {"username": "officer_a", "password": "Matkhau@2026"}
    )
    assert response.status_code == 429
    assert "Tạm khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_passwords_are_hashed_with_argon2():
    import config.settings as configured

    assert (
        configured.PASSWORD_HASHERS[0]
        == "django.contrib.auth.hashers.Argon2PasswordHasher"
    )
