"""Building blocks of the councils' views: objects are reached through their council,
which the viewer sees by scope or by sitting on it (404 otherwise); the action's
permission comes next (403)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.generic import DetailView

from councils.selectors import get_for_viewer_or_404
from orgs.viewmixins import ScopedFormView, StaffMixin, TransitionView


def is_htmx(request: HttpRequest) -> bool:
    return bool(request.headers.get("HX-Request"))


class ViewerLookupMixin:
    """``lookup_queryset()`` + ``council_path`` (the lookup to the council) find the object."""

    council_path = ""

    def lookup_queryset(self) -> QuerySet[Any]:
        raise NotImplementedError

    def lookup(self) -> Any:
        return get_for_viewer_or_404(
            self.lookup_queryset(),
            self.request.scope,  # type: ignore[attr-defined]
            self.council_path,
            self.kwargs["pk"],  # type: ignore[attr-defined]
        )


class ViewerDetailView(ViewerLookupMixin, StaffMixin, DetailView):
    def get_object(self, queryset: QuerySet[Any] | None = None) -> Any:
        obj = self.lookup()
        self.check_permission(obj)
        return obj


_PARENTS = ("meeting", "agenda_item", "conclusion", "composition", "consultation")


def back_url(obj: Any) -> str:
    """The page an object belongs to: its own, or its session's, composition's…"""
    for _hop in range(4):
        if hasattr(obj, "get_absolute_url"):
            return obj.get_absolute_url()
        obj = next(
            (getattr(obj, n) for n in _PARENTS if getattr(obj, n, None) is not None),
            None,
        )
        if obj is None:
            break
    return reverse("councils:council-list")


class ViewerFormView(ViewerLookupMixin, ScopedFormView):
    """A form about an object (or under a parent) reached through its council."""

    template_name = "councils/object_form.html"
    page_title: Any = ""

    def get_target(self) -> Any:
        return self.lookup()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "target": self.object,
            "back_url": back_url(self.object),
        }


class ViewerTransitionView(ViewerLookupMixin, TransitionView):
    def get_object(self, queryset: QuerySet[Any] | None = None) -> Any:
        obj = self.lookup()
        self.check_permission(obj)
        return obj


class ViewerPostView(ViewerLookupMixin, StaffMixin, DetailView):
    """A POST-only action; errors become messages, the answer goes back to a page."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.lookup()
        self.check_permission(self.object)
        try:
            self.perform(self.object)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        return HttpResponseRedirect(self.get_success_url())

    def perform(self, obj: Any) -> None:
        raise NotImplementedError

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()
