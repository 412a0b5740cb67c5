"""Initiatives, emulation movements and registrations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from awards import selectors
from awards.forms.activities import (
    AdvanceForm,
    AssessForm,
    InitiativeForm,
    MovementForm,
    RegistrationEntryForm,
    RegistrationForm,
)
from awards.models import Initiative, Movement, Registration, RegistrationEntry
from awards.services import initiatives as initiative_services
from awards.services import movements as movement_services
from awards.services import registrations as registration_services
from orgs.scoping import get_visible_or_404
from orgs.viewmixins import (
    ScopedDetailView,
    ScopedFormView,
    ScopedListView,
    StaffMixin,
    TransitionView,
)

from .common import run_service

# Initiatives ---------------------------------------------------------------------------


class InitiativeListView(ScopedListView):
    permission_required = "awards.view_initiative"
    template_name = "awards/initiative_list.html"

    def get_queryset(self) -> Any:
        status = self.request.GET.get("status", "")
        filters = {
            "status": status if status in Initiative.Status.values else "",
            "q": self.request.GET.get("q", "")[:100],
        }
        return selectors.initiative_list(scope=self.request.scope, filters=filters)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "statuses": Initiative.Status.choices,
            "can_add": self.request.user.has_perm("awards.add_initiative"),
        }


class InitiativeDetailView(ScopedDetailView):
    model = Initiative
    permission_required = "awards.view_initiative"
    template_name = "awards/initiative_detail.html"

    def get_scoped_queryset(self) -> Any:
        return Initiative.objects.select_related(
            "unit", "window", "council"
        ).prefetch_related("author_rows__person__unit")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user, item = self.request.user, self.object
        return {
            **super().get_context_data(**kwargs),
            "initiative": item,
            "can_change": item.status != Initiative.Status.RECOGNISED
            and user.has_perm("awards.change_initiative", item),
            "can_assess": item.status == Initiative.Status.PROPOSED
            and user.has_perm("awards.assess_initiative", item),
        }


class InitiativeCreateView(ScopedFormView):
    permission_required = "awards.add_initiative"
    form_class = InitiativeForm
    template_name = "awards/initiative_form.html"
    success_message = gettext_lazy("Đã đăng ký sáng kiến.")

    def perform(self, form: InitiativeForm) -> Initiative:
        data = dict(form.cleaned_data)
        data.pop("version", None)
        authors = [p.pk for p in data.pop("authors")]
        return initiative_services.initiative_create(
            actor=self.request.user, authors=authors, **data
        )


class InitiativeUpdateView(InitiativeCreateView):
    permission_required = "awards.change_initiative"
    success_message = gettext_lazy("Đã lưu thay đổi.")

    def get_target(self) -> Initiative:
        return get_visible_or_404(
            Initiative.objects.select_related("unit"),
            self.request.scope,
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "instance": Initiative.objects.get(pk=self.object.pk),
        }

    def perform(self, form: InitiativeForm) -> Initiative:
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        authors = [p.pk for p in data.pop("authors")]
        return initiative_services.initiative_update(
            initiative=self.object,
            actor=self.request.user,
            version=version,
            authors=authors,
            **data,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "initiative": self.object}


class InitiativeAssessView(TransitionView):
    model = Initiative
    permission_required = "awards.assess_initiative"
    form_class = AssessForm
    template_name = "awards/initiative_assess.html"
    title = gettext_lazy("Ghi kết quả xét công nhận sáng kiến")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "scope": self.request.scope}

    def get_initial(self) -> dict[str, Any]:
        window = self.object.window
        return {
            "recognised_scope": self.object.requested_scope,
            "recognition_date": timezone.localdate(),
            "council": window.council_id if window else None,
            "assessed_by": window.assessing_body if window else "",
        }

    def perform(self, obj: Initiative, form: AssessForm) -> Initiative:
        return initiative_services.initiative_assess(
            initiative=obj, actor=self.request.user, **form.cleaned_data
        )


# Movements -------------------------------------------------------------------------------


class MovementListView(ScopedListView):
    permission_required = "awards.view_movement"
    template_name = "awards/movement_list.html"

    def get_queryset(self) -> Any:
        return selectors.movement_list(scope=self.request.scope)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "can_add": self.request.user.has_perm("awards.add_movement"),
        }


class MovementObjectMixin:
    def get_object(self, queryset: Any = None) -> Movement:
        movement = selectors.movement_get(
            scope=self.request.scope, pk=self.kwargs["pk"]
        )
        self.check_permission(movement)
        return movement


class MovementDetailView(MovementObjectMixin, ScopedDetailView):
    model = Movement
    permission_required = "awards.view_movement"
    template_name = "awards/movement_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        movement, user = self.object, self.request.user
        can_change = user.has_perm("awards.change_movement", movement)
        return {
            **super().get_context_data(**kwargs),
            "movement": movement,
            "steps": [(step, Movement.Step(step).label) for step in Movement.ORDER],
            "reached": {r.step for r in movement.step_records.all()},
            "dossiers": selectors.dossier_list(scope=self.request.scope).filter(
                movement=movement
            )[:50],
            "can_change": can_change,
            "advance_form": AdvanceForm(
                movement=movement, initial={"done_on": timezone.localdate()}
            )
            if can_change and movement.next_steps
            else None,
        }


class MovementCreateView(ScopedFormView):
    permission_required = "awards.add_movement"
    form_class = MovementForm
    template_name = "awards/movement_form.html"
    success_message = gettext_lazy("Đã tạo phong trào thi đua.")

    def perform(self, form: MovementForm) -> Movement:
        data = dict(form.cleaned_data)
        data.pop("version", None)
        targets = [u.pk for u in data.pop("target_units")]
        pilots = [u.pk for u in data.pop("pilot_units")]
        return movement_services.movement_create(
            actor=self.request.user, target_units=targets, pilot_units=pilots, **data
        )


class MovementUpdateView(MovementCreateView):
    permission_required = "awards.change_movement"
    success_message = gettext_lazy("Đã lưu thay đổi.")

    def get_target(self) -> Movement:
        return get_visible_or_404(
            Movement.objects.select_related("launched_by"),
            self.request.scope,
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "instance": Movement.objects.get(pk=self.object.pk),
        }

    def perform(self, form: MovementForm) -> Movement:
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        targets = [u.pk for u in data.pop("target_units")]
        pilots = [u.pk for u in data.pop("pilot_units")]
        return movement_services.movement_update(
            movement=self.object,
            actor=self.request.user,
            version=version,
            target_units=targets,
            pilot_units=pilots,
            **data,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "movement": self.object}


class MovementAdvanceView(StaffMixin, View):
    permission_required = "awards.change_movement"

    def post(self, request: Any, pk: int) -> HttpResponse:
        movement = get_visible_or_404(
            Movement.objects.select_related("launched_by"), request.scope, pk=pk
        )
        self.check_permission(movement)
        form = AdvanceForm(request.POST, movement=movement)
        if form.is_valid():
            run_service(
                request,
                lambda: movement_services.movement_advance(
                    movement=movement, actor=request.user, **form.cleaned_data
                ),
                _("Đã chuyển bước của phong trào."),
            )
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return redirect(movement)


# Registrations -------------------------------------------------------------------------


class RegistrationListView(ScopedListView):
    permission_required = "awards.view_registration"
    template_name = "awards/registration_list.html"

    def get_queryset(self) -> Any:
        return selectors.registration_list(scope=self.request.scope)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "can_add": self.request.user.has_perm("awards.add_registration"),
        }


class RegistrationCreateView(ScopedFormView):
    permission_required = "awards.add_registration"
    form_class = RegistrationForm
    template_name = "awards/registration_form.html"
    success_message = gettext_lazy("Đã tạo bản đăng ký thi đua.")

    def get_initial(self) -> dict[str, Any]:
        today = timezone.localdate()
        return {"year": today.year, "registered_on": today}

    def perform(self, form: RegistrationForm) -> Registration:
        return registration_services.registration_create(
            actor=self.request.user, **form.cleaned_data
        )


class RegistrationDetailView(ScopedDetailView):
    model = Registration
    permission_required = "awards.view_registration"
    template_name = "awards/registration_detail.html"

    def get_scoped_queryset(self) -> Any:
        return Registration.objects.select_related("unit").prefetch_related(
            "entries__award_kind",
            "entries__person",
            "entries__collective",
            "entries__household",
        )

    def post(self, request: Any, pk: int) -> HttpResponse:
        registration = self.get_object()
        self.permission_required = "awards.change_registration"
        self.check_permission(registration)
        form = RegistrationEntryForm(request.POST, registration=registration)
        if form.is_valid():
            data = form.cleaned_data
            run_service(
                request,
                lambda: registration_services.registration_entries_add(
                    registration=registration,
                    actor=request.user,
                    award_kind=data["award_kind"],
                    person_ids=[p.pk for p in data["people"]],
                    collective_ids=[u.pk for u in data["collectives"]],
                ),
                _("Đã thêm vào bản đăng ký."),
            )
        return redirect(registration)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        registration, user = self.object, self.request.user
        editable = registration.status == Registration.Status.DRAFT and user.has_perm(
            "awards.change_registration", registration
        )
        return {
            **super().get_context_data(**kwargs),
            "registration": registration,
            "can_change": editable,
            "entry_form": RegistrationEntryForm(registration=registration)
            if editable
            else None,
        }


class RegistrationEntryRemoveView(StaffMixin, View):
    permission_required = "awards.change_registration"

    def post(self, request: Any, pk: int) -> HttpResponse:
        entry = get_visible_or_404(
            RegistrationEntry.objects.select_related("registration__unit"),
            request.scope,
            pk=pk,
        )
        self.check_permission(entry.registration)
        run_service(
            request,
            lambda: registration_services.registration_entry_remove(
                entry=entry, actor=request.user
            ),
            _("Đã bỏ khỏi bản đăng ký."),
        )
        return redirect(
            reverse("awards:registration-detail", args=[entry.registration_id])
        )


class RegistrationSubmitView(TransitionView):
    model = Registration
    permission_required = "awards.change_registration"
    title = gettext_lazy("Gửi bản đăng ký thi đua")
    question = gettext_lazy("Gửi bản đăng ký? Sau khi gửi không sửa được nữa.")

    def perform(self, obj: Registration, form: Any) -> Registration:
        return registration_services.registration_submit(
            registration=obj, actor=self.request.user
        )
