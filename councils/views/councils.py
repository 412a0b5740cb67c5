"""Council pages: the list, the council (composition now and before, sessions, tasks),
compositions and members."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils import selectors, services
from councils.forms import CompositionForm, CouncilForm, MemberForm
from councils.models import Composition, Council, CouncilMember
from councils.views.common import ViewerDetailView, ViewerFormView
from orgs.viewmixins import ScopedFormView, ScopedListView


class CouncilListView(ScopedListView):
    permission_required = "councils.view_council"
    template_name = "councils/council_list.html"
    partial_template_name = "councils/partials/_council_rows.html"

    def get_queryset(self) -> QuerySet[Council]:
        self.query = self.request.GET.get("q", "").strip()[:100]
        return selectors.council_list(scope=self.request.scope, query=self.query)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        for council in context["object_list"]:
            council.next_due = selectors.next_regular_due(council)
        return {
            **context,
            "query": self.query,
            "today": timezone.localdate(),
            "can_add": self.request.user.has_perm("councils.add_council"),
        }


class CouncilCreateView(ScopedFormView):
    permission_required = "councils.add_council"
    form_class = CouncilForm
    template_name = "councils/object_form.html"
    page_title = _("Lập hội đồng")
    success_message = _(
        "Đã lập hội đồng. Hãy nhập quyết định thành lập hoặc kiện toàn."
    )

    def perform(self, form: CouncilForm) -> Council:
        return services.council_create(actor=self.request.user, **form.service_fields())


class CouncilUpdateView(ViewerFormView):
    permission_required = "councils.change_council"
    form_class = CouncilForm
    template_name = "councils/object_form.html"
    page_title = _("Sửa thông tin hội đồng")
    success_message = _("Đã lưu thay đổi.")

    def lookup_queryset(self) -> QuerySet[Council]:
        return Council.objects.select_related("owner_unit", "issuer")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.lookup()}

    def perform(self, form: CouncilForm) -> Council:
        return services.council_update(
            council=self.object, actor=self.request.user, **form.service_fields()
        )


class CouncilDetailView(ViewerDetailView):
    permission_required = "councils.view_council"
    template_name = "councils/council_detail.html"
    context_object_name = "council"

    def get_object(self, queryset: Any = None) -> Council:
        council = selectors.council_detail(
            scope=self.request.scope, pk=self.kwargs["pk"]
        )
        self.check_permission(council)
        return council

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        council, today = self.object, timezone.localdate()
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "today": today,
            "members_now": selectors.members_on(council, today),
            "compositions": selectors.compositions_of(council),
            "next_due": selectors.next_regular_due(council),
            "upcoming": selectors.upcoming_meetings(council),
            "meetings": selectors.meeting_list(
                council=council, kinds=["regular", "extraordinary"]
            )[:30],
            "consultations": selectors.consultations_of(council)[:20],
            "open_tasks": selectors.council_tasks(council),
            "can_manage": user.has_perm("councils.change_council", council),
        }


class CompositionCreateView(ViewerFormView):
    permission_required = "councils.add_composition"
    form_class = CompositionForm
    template_name = "councils/object_form.html"
    page_title = _("Ghi nhận quyết định thành lập, kiện toàn")
    success_message = _("Đã ghi nhận quyết định. Hãy kiểm tra danh sách thành viên.")

    def lookup_queryset(self) -> QuerySet[Council]:
        return Council.objects.select_related("owner_unit")

    def perform(self, form: CompositionForm) -> Composition:
        return services.composition_create(
            council=self.object, actor=self.request.user, **form.service_fields()
        )


class CompositionUpdateView(ViewerFormView):
    permission_required = "councils.change_composition"
    council_path = "council__"
    form_class = CompositionForm
    template_name = "councils/object_form.html"
    page_title = _("Sửa quyết định thành lập, kiện toàn")
    success_message = _("Đã lưu thay đổi.")

    def lookup_queryset(self) -> QuerySet[Composition]:
        return Composition.objects.select_related("council", "council__owner_unit")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.lookup()}

    def perform(self, form: CompositionForm) -> Composition:
        fields = form.service_fields()
        fields["valid_from"] = fields.get("valid_from") or fields["decision_date"]
        return services.composition_update(
            composition=self.object, actor=self.request.user, **fields
        )


class CompositionDetailView(ViewerDetailView):
    permission_required = "councils.view_composition"
    council_path = "council__"
    template_name = "councils/composition_detail.html"
    context_object_name = "composition"

    def lookup_queryset(self) -> QuerySet[Composition]:
        return selectors.compositions_queryset().select_related(
            "council", "council__owner_unit"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        composition = self.object
        return {
            **super().get_context_data(**kwargs),
            "council": composition.council,
            "today": timezone.localdate(),
            "can_manage": self.request.user.has_perm(
                "councils.change_composition", composition
            ),
        }


class MemberCreateView(ViewerFormView):
    permission_required = "councils.add_councilmember"
    council_path = "council__"
    form_class = MemberForm
    template_name = "councils/object_form.html"
    page_title = _("Thêm thành viên")
    success_message = _("Đã thêm thành viên.")

    def lookup_queryset(self) -> QuerySet[Composition]:
        return Composition.objects.select_related("council", "council__owner_unit")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "council": self.object.council}

    def perform(self, form: MemberForm) -> CouncilMember:
        return services.member_add(
            composition=self.object, actor=self.request.user, **form.service_fields()
        )

    def get_success_url_for(self, result: CouncilMember) -> str:
        return self.object.get_absolute_url()


class MemberUpdateView(ViewerFormView):
    permission_required = "councils.change_councilmember"
    council_path = "composition__council__"
    form_class = MemberForm
    template_name = "councils/object_form.html"
    page_title = _("Sửa thành viên")
    success_message = _("Đã lưu thay đổi.")

    def lookup_queryset(self) -> QuerySet[CouncilMember]:
        return CouncilMember.objects.select_related(
            "person",
            "composition",
            "composition__council",
            "composition__council__owner_unit",
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "instance": self.lookup(),
            "council": self.object.composition.council,
        }

    def perform(self, form: MemberForm) -> CouncilMember:
        return services.member_update(
            member=self.object, actor=self.request.user, **form.service_fields()
        )

    def get_success_url_for(self, result: CouncilMember) -> str:
        return self.object.composition.get_absolute_url()
