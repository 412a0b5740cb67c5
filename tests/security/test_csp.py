"""The Content-Security-Policy allows no inline script or style ('self' only), so no
template served to a browser may hold a ``<script>`` body, an ``on…=`` handler, a
``javascript:`` URL, a ``style=`` attribute or a ``<style>`` element. PDF templates
are rendered by WeasyPrint on the server and are not subject to the policy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted(
    path
    for base in [ROOT / "templates", *ROOT.glob("*/templates")]
    if ".venv" not in base.parts
    for path in base.rglob("*.html")
    if "pdf" not in path.relative_to(base).parts
)
DATA_SCRIPT = re.compile(r"type\s*=\s*[\"']application/(ld\+)?json", re.I)
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
HANDLER = re.compile(r"<[a-z][^>]*?\son[a-z]+\s*=", re.I | re.S)
STYLE_ATTR = re.compile(r"<[a-z][^>]*?\sstyle\s*=", re.I | re.S)
STYLE_TAG = re.compile(r"<style\b", re.I)
JS_URL = re.compile(r"=\s*[\"']?\s*javascript:", re.I)


def violations(text: str) -> list[str]:
    found = [
        "inline <script> body"
        for attrs, body in SCRIPT.findall(text)
        if body.strip() and not DATA_SCRIPT.search(attrs)
    ]
    for name, pattern in (
        ("on…= event handler", HANDLER),
        ("style= attribute", STYLE_ATTR),
        ("<style> element", STYLE_TAG),
        ("javascript: URL", JS_URL),
    ):
        found += [name] * len(pattern.findall(text))
    return found


def test_policy_forbids_inline_script_and_style():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[name]
        assert "'unsafe-eval'" not in directives[name]


def test_the_scanner_catches_what_it_should():
    bad = '<a onclick="x()" style="color:red" href="javascript:void(0)">'
    assert len(violations(bad + "<script>alert(1)</script><style>p{}</style>")) == 5
    assert violations('<script src="/static/js/app.js"></script>') == []
    assert violations('<script id="d" type="application/json">{"a": 1}</script>') == []
    assert violations('<button class="once">Xong</button>') == []


def test_templates_were_found():
    assert len(TEMPLATES) > 20


@pytest.mark.parametrize(
    "path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)).replace("/", ":")
)
def test_template_has_no_inline_script_or_style(path):
    assert violations(path.read_text(encoding="utf-8")) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name", ["orgs:dashboard", "orgs:person-list", "admin:index", "login"]
)
def test_rendered_pages_carry_the_policy_and_no_inline_code(client, world, url_name):
    if url_name != "login":
        client.force_login(world.secretariat)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    body = response.content.decode()
    # Django's own admin templates are checked too, except its data blocks.
    assert violations(body) == []
