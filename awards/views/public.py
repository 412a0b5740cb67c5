"""The public comment pages (no login) and the secretariat's handling of comments.

Only what must be public is shown: who is proposed (name, unit), for what, and
the published summary. The comment form has a CSRF token, length limits, a
honeypot and a simple per-client rate limit kept in the cache.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_protect

from awards import selectors
from awards.forms.public import HandleCommentForm, PublicCommentForm
from awards.models import PublicComment
from awards.services.public import public_comment_handle, public_comment_submit
from orgs.viewmixins import TransitionView

RATE_LIMIT = 10
RATE_WINDOW_SECONDS = 3600


def client_key(request: Any) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def allow_comment(request: Any) -> bool:
    """At most RATE_LIMIT comments per client per hour (any consultation)."""
    key = f"awards:public-comment:{client_key(request)}"
    if cache.add(key, 1, RATE_WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, RATE_WINDOW_SECONDS)
        return True
    return count <= RATE_LIMIT


class PublicListView(View):
    def get(self, request: Any) -> HttpResponse:
        return render(
            request,
            "awards/public_list.html",
            {"consultations": selectors.open_consultations()},
        )


@method_decorator(csrf_protect, name="dispatch")
class PublicDetailView(View):
    def get(self, request: Any, public_id: Any) -> HttpResponse:
        consultation = selectors.consultation_public(public_id)
        nominees = selectors.public_nominees(consultation)
        return self.render(consultation, PublicCommentForm(nominees=nominees))

    def post(self, request: Any, public_id: Any) -> HttpResponse:
        consultation = selectors.consultation_public(public_id)
        form = PublicCommentForm(
            request.POST, nominees=selectors.public_nominees(consultation)
        )
        if not form.is_valid():
            return self.render(consultation, form, status=400)
        if form.is_robot:
            return redirect(consultation)
        if not allow_comment(request):
            messages.error(
                request,
                _("Bạn đã gửi nhiều ý kiến trong thời gian ngắn; xin thử lại sau."),
            )
            return self.render(consultation, form, status=429)
        data = form.cleaned_data
        try:
            public_comment_submit(
                consultation=consultation,
                author_name=data["author_name"],
                contact=data["contact"],
                body=data["body"],
                nomination=data["nomination"],
                client=client_key(request),
            )
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
            return redirect(consultation)
        messages.success(request, _("Cảm ơn bạn đã góp ý. Ý kiến đã được ghi nhận."))
        return redirect(consultation)

    def render(self, consultation: Any, form: Any, status: int = 200) -> HttpResponse:
        context = {
            "consultation": consultation,
            "nominees": selectors.public_nominees(consultation),
            "form": form,
            "is_open": consultation.is_open_on(timezone.localdate()),
        }
        return render(self.request, "awards/public_detail.html", context, status=status)


class PublicCommentHandleView(TransitionView):
    model = PublicComment
    permission_required = "awards.change_publiccomment"
    form_class = HandleCommentForm
    title = _("Xử lý ý kiến nhân dân")

    def get_scoped_queryset(self) -> Any:
        return PublicComment.objects.select_related(
            "consultation__dossier__unit",
            "consultation__dossier__receiving_unit",
            "nomination",
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["question"] = _("Ý kiến của %(author)s: %(body)s") % {
            "author": self.object.author_name,
            "body": self.object.body,
        }
        return context

    def get_cancel_url(self) -> str:
        return self.object.consultation.dossier.get_absolute_url() + "#public-comment"

    def perform(self, obj: PublicComment, form: HandleCommentForm) -> Any:
        public_comment_handle(comment=obj, actor=self.request.user, **form.cleaned_data)
        return obj.consultation.dossier

    def get_success_url_for(self, result: Any) -> str:
        return result.get_absolute_url() + "#public-comment"
