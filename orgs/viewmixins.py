"""The four building blocks of staff views: every object goes through the scope,
every action through a permission, every change through a service."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView

from orgs.pagination import CappedPaginator
from orgs.scoping import get_visible_or_404


def require_perm(request: Any, permission: str, obj: Any = None) -> None:
    """Raise 403 unless the user holds ``permission`` (on ``obj``)."""
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


class StaffMixin(LoginRequiredMixin):
    """Anonymous users go to the login page; the view's permission decides the rest."""

    permission_required: str | None = None

    def check_permission(self, obj: Any = None) -> None:
        if self.permission_required:
            require_perm(self.request, self.permission_required, obj)


class PermissionFirstMixin(StaffMixin):
    """Check the view's permission, on no object, before the view does anything."""

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            self.check_permission()
        return super().dispatch(request, *args, **kwargs)


class ScopedListView(PermissionFirstMixin, ListView):
    paginate_by = 50
    paginator_class = CappedPaginator

    def get_template_names(self) -> list[str]:
        if self.request.headers.get("HX-Request") and getattr(
            self, "partial_template_name", None
        ):
            return [self.partial_template_name]
        return super().get_template_names()


class ScopedObjectMixin(StaffMixin):
    """Fetch ``self.object`` through the scope (404 if unseen), then check the permission (403)."""

    model: type[Model]
    scope_roles: Any = None

    def get_scoped_queryset(self) -> QuerySet[Any]:
        return self.model._default_manager.all()

    def get_object(self, queryset: QuerySet[Any] | None = None) -> Any:
        obj = get_visible_or_404(
            queryset if queryset is not None else self.get_scoped_queryset(),
            self.request.scope,
            self.scope_roles,
            pk=self.kwargs["pk"],
        )
        self.check_permission(obj)
        return obj


class ScopedDetailView(ScopedObjectMixin, DetailView):
    pass


class ScopedFormView(StaffMixin, FormView):
    """A form whose ``cleaned_data`` goes to a service; a ValidationError becomes a form error."""

    success_message: str = ""

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            self.object = self.get_target()
            self.check_permission(self.object)
        return super().dispatch(request, *args, **kwargs)

    def get_target(self) -> Any:
        return None

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "scope": self.request.scope}

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            result = self.perform(form)
        except ValidationError as error:
            _add_errors(form, error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url_for(result))

    def perform(self, form: Any) -> Any:
        raise NotImplementedError

    def get_success_url_for(self, result: Any) -> str:
        return result.get_absolute_url()


def _add_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class TransitionView(ScopedObjectMixin, FormView):
    """A state change: GET shows a confirmation page, POST calls the service.

    Subclasses set ``model``, ``permission_required``, ``title``, ``question`` and
    implement ``perform(obj, form)``; a ValidationError from the service becomes an
    error message and nothing changes.
    """

    template_name = "includes/_confirm.html"
    title: Any = ""
    question: Any = ""
    confirm_label: Any = ""
    danger = False
    success_message: Any = ""

    def get_form_class(self) -> Any:
        from django import forms

        return getattr(self, "form_class", None) or forms.Form

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "object": self.object,
            "title": self.title,
            "question": self.question,
            "confirm_label": self.confirm_label,
            "danger": self.danger,
            "cancel_url": self.get_cancel_url(),
        }

    def get_cancel_url(self) -> str:
        return self.object.get_absolute_url()

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            result = self.perform(self.object, form)
        except ValidationError as error:
            for text in error.messages:
                messages.error(self.request, text)
            return HttpResponseRedirect(self.get_cancel_url())
        if self.success_message:
            messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url_for(result))

    def perform(self, obj: Any, form: Any) -> Any:
        raise NotImplementedError

    def get_success_url_for(self, result: Any) -> str:
        return (result or self.object).get_absolute_url()
