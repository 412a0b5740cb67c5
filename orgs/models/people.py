from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orgs.scoping import ScopedQuerySet
from orgs.vn import fold

from .base import TimeStampedModel


class Person(TimeStampedModel):
    """An individual who can be nominated, sit on a council or sign a document."""

    class Gender(models.TextChoices):
        MALE = "male", _("Nam")
        FEMALE = "female", _("Nữ")

    full_name = models.CharField(_("Họ và tên"), max_length=150)
    gender = models.CharField(
        _("Giới tính"), max_length=10, choices=Gender.choices, blank=True
    )
    birth_year = models.PositiveSmallIntegerField(_("Năm sinh"), null=True, blank=True)
    position = models.CharField(_("Chức vụ"), max_length=255, blank=True)
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị công tác"),
        on_delete=models.PROTECT,
        related_name="people",
    )
    is_direct_worker = models.BooleanField(
        _("Người lao động trực tiếp"),
        default=False,
        help_text=_(
            "Công nhân, nông dân, người lao động trực tiếp sản xuất, công tác "
            "(Luật Thi đua, khen thưởng 2022, Điều 5): dùng cho thống kê tỷ lệ khen thưởng."
        ),
    )
    is_leader = models.BooleanField(_("Giữ chức vụ lãnh đạo, quản lý"), default=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Tài khoản"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    email = models.EmailField(_("Thư điện tử"), blank=True)
    is_active = models.BooleanField(_("Đang công tác"), default=True)
    search_name = models.CharField(
        max_length=150, editable=False, db_index=True, default=""
    )
    note = models.TextField(_("Ghi chú"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Cá nhân")
        verbose_name_plural = _("Cá nhân")
        ordering = ["search_name", "pk"]
        indexes = [
            models.Index(
                fields=["search_name", "birth_year", "unit"],
                name="orgs_person_identity",
            ),
            models.Index(fields=["search_name", "id"], name="orgs_person_name_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True)
                | Q(birth_year__gte=1900, birth_year__lte=2100),
                name="orgs_person_birth_year_range",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = " ".join(self.full_name.split())
        self.search_name = fold(self.full_name)
        if (
            kwargs.get("update_fields") is not None
            and "full_name" in kwargs["update_fields"]
        ):
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("orgs:person-detail", args=[self.pk])

    @property
    def identity_key(self) -> tuple[str, int | None, int]:
        """Name, birth year and unit: two people sharing them are probably one."""
        return (self.search_name, self.birth_year, self.unit_id)
