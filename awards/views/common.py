from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _


def run_service(request: HttpRequest, call: Any, success: str = "") -> bool:
    """Call a service; show its ValidationError as messages. Return True on success."""
    try:
        call()
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return False
    if success:
        messages.success(request, success)
    return True


def back(url: str) -> HttpResponse:
    return HttpResponseRedirect(url)


def is_htmx(request: HttpRequest) -> bool:
    return bool(request.headers.get("HX-Request"))


def require_any(
    request: HttpRequest, permissions: tuple[str, ...], obj: Any = None
) -> None:
    """Raise 403 unless the user holds at least one of ``permissions``."""
    if not any(request.user.has_perm(p, obj) for p in permissions):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))
