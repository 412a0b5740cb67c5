"""Playwright journeys driving Debian's Chromium against the live test server."""

import os
from contextlib import contextmanager

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    # The live server speaks plain HTTP; production cookies are Secure.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def login(page, live_server):
    def do_login(username: str, password: str = "Matkhau@2026") -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")

    return do_login


def htmx_ready(page) -> None:
    """Wait until the page's deferred scripts have run and htmx has bound its handlers.

    A locator can match as soon as the new page is parsed, before the deferred htmx
    script has run: a change fired then sends nothing and the journey waits in vain.
    """
    page.wait_for_function("() => document.readyState === 'complete' && !!window.htmx")


def htmx_settled(page) -> None:
    """Wait until no htmx request, swap or settle is in flight.

    htmx binds the handlers of swapped-in elements only when it settles (20 ms after
    the swap): a change fired on a freshly swapped field in that window sends nothing.
    """
    page.wait_for_function(
        "() => !!window.htmx && !document.querySelector("
        "'.htmx-request, .htmx-swapping, .htmx-settling')"
    )


@contextmanager
def htmx_exchange(page, matches):
    """Expect one htmx response (a predicate on it) and wait until its swap has settled."""
    with page.expect_response(matches) as response:
        yield response
    htmx_settled(page)
