"""pytest plugin loaded before Django (``-p config.testenv``): the test run uses the
production settings (DEBUG off) with a throw-away secret and plain HTTP."""

import os

os.environ.setdefault(
    "SECRET_KEY", "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "False")
