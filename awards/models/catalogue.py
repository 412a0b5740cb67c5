"""The catalogue of emulation titles and forms of commendation (Luật 2022, Chương II–III).

Every row is data seeded from shared/domain.md with its legal basis; the
secretariat edits it in the admin. Who confers a kind changes with the law (the
2025 reform moved district powers to communes), so the conferring authority is a
dated child row, not a field.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel

from .base import Subject


class AwardObject(models.Model):
    """A physical item handed over with an award: certificate, frame, flag, badge…"""

    code = models.SlugField(_("Mã"), max_length=30, unique=True)
    name = models.CharField(_("Tên hiện vật"), max_length=120)
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=100)

    class Meta:
        verbose_name = _("Hiện vật khen thưởng")
        verbose_name_plural = _("Hiện vật khen thưởng")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class DossierComponentKind(models.Model):
    """A kind of document a dossier contains (Luật 2022, Điều 84): tờ trình, biên bản…"""

    code = models.SlugField(_("Mã"), max_length=40, unique=True)
    name = models.CharField(_("Tên thành phần hồ sơ"), max_length=255)
    description = models.TextField(_("Hướng dẫn"), blank=True)
    legal_basis = models.ForeignKey(
        "orgs.LegalDocument",
        verbose_name=_("Căn cứ pháp lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=100)

    class Meta:
        verbose_name = _("Thành phần hồ sơ")
        verbose_name_plural = _("Thành phần hồ sơ")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class AwardKind(TimeStampedModel):
    """A title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng).

    ``code`` is the key of the dated parameters that belong to the kind: the reward
    multiplier (``reward_multiplier``, key = code for the first subject,
    "CODE:collective" / "CODE:household" for the others) and the council's voting
    rule (``vote_threshold``… with key ``vote_rule_key``).
    """

    class Category(models.TextChoices):
        TITLE = "title", _("Danh hiệu thi đua")
        COMMENDATION = "commendation", _("Hình thức khen thưởng")

    class Level(models.IntegerChoices):
        GRASSROOTS = 10, _("Cơ sở")
        PROVINCE = 20, _("Bộ, ban, ngành, tỉnh")
        STATE = 30, _("Nhà nước")

    code = models.CharField(
        _("Mã"),
        max_length=40,
        unique=True,
        help_text=_("Khóa của hệ số tiền thưởng và quy tắc biểu quyết, ví dụ CSTDCS."),
    )
    name = models.CharField(_("Tên"), max_length=255)
    short_name = models.CharField(_("Tên viết tắt"), max_length=60, blank=True)
    category = models.CharField(_("Loại"), max_length=20, choices=Category.choices)
    group = models.CharField(
        _("Nhóm"),
        max_length=60,
        blank=True,
        help_text=_("Ví dụ: Huân chương, Danh hiệu vinh dự nhà nước, Bằng khen."),
    )
    level = models.PositiveSmallIntegerField(_("Cấp"), choices=Level.choices)
    for_individuals = models.BooleanField(_("Tặng cá nhân"), default=False)
    for_collectives = models.BooleanField(_("Tặng tập thể"), default=False)
    for_households = models.BooleanField(_("Tặng hộ gia đình"), default=False)
    article = models.CharField(
        _("Điều khoản"), max_length=120, blank=True, help_text=_("Ví dụ: Điều 23.")
    )
    legal_basis = models.ForeignKey(
        "orgs.LegalDocument",
        verbose_name=_("Căn cứ pháp lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    criteria = models.TextField(_("Tiêu chuẩn (tóm tắt)"), blank=True)
    objects_given = models.ManyToManyField(
        AwardObject, verbose_name=_("Hiện vật"), blank=True, related_name="award_kinds"
    )
    vote_rule_key = models.CharField(
        _("Khóa quy tắc biểu quyết"),
        max_length=40,
        blank=True,
        help_text=_(
            "Khóa của các tham số vote_threshold, vote_base, vote_method…; để trống để dùng mã."
        ),
    )
    source_note = models.CharField(
        _("Nguồn, mức tin cậy"),
        max_length=500,
        blank=True,
        help_text=_(
            "[V] đã đối chiếu, [P] tiền lệ, thực tiễn, [U] cần đối chiếu văn bản."
        ),
    )
    is_active = models.BooleanField(_("Đang sử dụng"), default=True)
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=100)
    components = models.ManyToManyField(
        DossierComponentKind,
        through="AwardKindComponent",
        verbose_name=_("Thành phần hồ sơ"),
        blank=True,
        related_name="award_kinds",
    )

    class Meta:
        verbose_name = _("Danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("Danh hiệu, hình thức khen thưởng")
        ordering = ["category", "-level", "order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(for_individuals=True)
                | Q(for_collectives=True)
                | Q(for_households=True),
                name="awards_awardkind_has_subject",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.code = self.code.strip().upper()
        super().save(*args, **kwargs)

    @property
    def subjects(self) -> list[str]:
        flags = (
            (Subject.INDIVIDUAL, self.for_individuals),
            (Subject.COLLECTIVE, self.for_collectives),
            (Subject.HOUSEHOLD, self.for_households),
        )
        return [str(subject) for subject, allowed in flags if allowed]

    def allows(self, subject: str) -> bool:
        return subject in self.subjects

    @property
    def rule_key(self) -> str:
        return self.vote_rule_key or self.code

    def multiplier_key(self, subject: str) -> str:
        """Key of ``reward_multiplier`` for ``subject`` (the first subject uses the bare code)."""
        subjects = self.subjects
        if subjects and subject == subjects[0]:
            return self.code
        return f"{self.code}:{subject}"

    def name_on(self, day: datetime.date) -> str:
        """The name the kind carried on ``day`` (uses prefetched ``former_names``)."""
        for record in sorted(self.former_names.all(), key=lambda r: r.valid_to):
            if day <= record.valid_to:
                return record.name
        return self.name


class AwardKindName(models.Model):
    """A former name, e.g. "Xã, phường, thị trấn tiêu biểu" until 30/6/2025."""

    award_kind = models.ForeignKey(
        AwardKind,
        verbose_name=_("Danh hiệu, hình thức"),
        on_delete=models.CASCADE,
        related_name="former_names",
    )
    name = models.CharField(_("Tên"), max_length=255)
    valid_to = models.DateField(_("Dùng đến ngày"))

    class Meta:
        verbose_name = _("Tên cũ")
        verbose_name_plural = _("Tên cũ")
        ordering = ["award_kind", "valid_to"]

    def __str__(self) -> str:
        return self.name


class AwardAuthority(models.Model):
    """Who confers a kind during a period (Luật 2022 Điều 80; NĐ 129/2025 from 1/7/2025).

    A kind may have several authorities at once (the head of a unit with legal
    personality, the commune chairman…): a dossier goes to the nearest unit up the
    management line that holds one of them on the decision date.
    """

    class Authority(models.TextChoices):
        UNIT_HEAD = "unit_head", _("Thủ trưởng cơ quan, đơn vị có tư cách pháp nhân")
        ENTERPRISE_HEAD = "enterprise_head", _("Giám đốc doanh nghiệp, hợp tác xã")
        COMMUNE_CHAIR = "commune_chair", _("Chủ tịch UBND cấp xã")
        DISTRICT_CHAIR = "district_chair", _("Chủ tịch UBND cấp huyện")
        PROVINCE_CHAIR = "province_chair", _("Chủ tịch UBND cấp tỉnh")
        MINISTER = "minister", _("Bộ trưởng, thủ trưởng cơ quan trung ương")
        PRIME_MINISTER = "prime_minister", _("Thủ tướng Chính phủ")
        PRESIDENT = "president", _("Chủ tịch nước")

    award_kind = models.ForeignKey(
        AwardKind,
        verbose_name=_("Danh hiệu, hình thức"),
        on_delete=models.CASCADE,
        related_name="authorities",
    )
    authority = models.CharField(
        _("Người có thẩm quyền"), max_length=30, choices=Authority.choices
    )
    valid_from = models.DateField(_("Từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("Đến ngày"), null=True, blank=True)
    requires_public_comment = models.BooleanField(
        _("Phải lấy ý kiến nhân dân"),
        default=False,
        help_text=_(
            "Công khai trên trang thông tin trong thời hạn của tham số "
            "deadline_working_days (khóa public_comment) trước khi trình Hội đồng."
        ),
    )
    legal_basis = models.ForeignKey(
        "orgs.LegalDocument",
        verbose_name=_("Căn cứ pháp lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("Ghi chú, nguồn"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Thẩm quyền quyết định")
        verbose_name_plural = _("Thẩm quyền quyết định")
        ordering = ["award_kind", "valid_from", "authority"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="awards_awardauthority_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_kind.code}: {self.get_authority_display()}"

    def is_valid_on(self, day: datetime.date) -> bool:
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)


class AwardKindComponent(models.Model):
    """A document a dossier for this kind must (or may) contain, per procedure."""

    class Procedure(models.TextChoices):
        NORMAL = "normal", _("Thủ tục thông thường")
        SIMPLIFIED = "simplified", _("Thủ tục đơn giản")

    award_kind = models.ForeignKey(
        AwardKind,
        verbose_name=_("Danh hiệu, hình thức"),
        on_delete=models.CASCADE,
        related_name="component_rows",
    )
    component = models.ForeignKey(
        DossierComponentKind,
        verbose_name=_("Thành phần hồ sơ"),
        on_delete=models.PROTECT,
        related_name="award_kind_rows",
    )
    procedure = models.CharField(
        _("Thủ tục"),
        max_length=20,
        choices=Procedure.choices,
        default=Procedure.NORMAL,
    )
    required = models.BooleanField(_("Bắt buộc"), default=True)
    note = models.CharField(_("Ghi chú, nguồn"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=100)

    class Meta:
        verbose_name = _("Thành phần hồ sơ theo danh hiệu")
        verbose_name_plural = _("Thành phần hồ sơ theo danh hiệu")
        ordering = ["award_kind", "procedure", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["award_kind", "component", "procedure"],
                name="awards_awardkindcomponent_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_kind.code} – {self.component.name}"
