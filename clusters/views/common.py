"""Building blocks of the clusters views: fetch through the clusters selectors
(404 when unseen), then check the action's permission (403)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.views.generic import View

from orgs.viewmixins import ScopedFormView, StaffMixin, TransitionView, require_perm


class SelectorObjectMixin(StaffMixin):
    """``fetch(scope, pk)`` replaces the unit-tree lookup: clusters see across units."""

    fetch: Callable[..., Any]

    def get_object(self, queryset: Any = None) -> Any:
        obj = type(self).fetch(scope=self.request.scope, pk=self.kwargs["pk"])
        self.check_permission(obj)
        return obj


class ClusterFormView(SelectorObjectMixin, ScopedFormView):
    """A form on an object of the clusters app, performed by a service."""

    template_name = "clusters/form.html"
    title: Any = ""

    def get_target(self) -> Any:
        return type(self).fetch(scope=self.request.scope, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "object": self.object,
            "title": self.title,
            "cancel_url": self.get_cancel_url(),
        }

    def get_cancel_url(self) -> str:
        return self.object.get_absolute_url()

    def get_success_url_for(self, result: Any) -> str:
        target = result if hasattr(result, "get_absolute_url") else self.object
        return target.get_absolute_url()


class ClusterTransitionView(SelectorObjectMixin, TransitionView):
    pass


class ClusterPostView(SelectorObjectMixin, View):
    """A POST-only action (a button): run, then back to the page with a message."""

    http_method_names = ["post"]
    success_message: Any = ""

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        try:
            result = self.perform(self.object)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return HttpResponseRedirect(self.get_back_url())
        if self.success_message:
            messages.success(request, self.success_message)
        return self.respond(result)

    def perform(self, obj: Any) -> Any:
        raise NotImplementedError

    def get_back_url(self) -> str:
        return self.object.get_absolute_url()

    def respond(self, result: Any) -> HttpResponse:
        return HttpResponseRedirect(self.get_back_url())


__all__ = [
    "ClusterFormView",
    "ClusterPostView",
    "ClusterTransitionView",
    "require_perm",
]
