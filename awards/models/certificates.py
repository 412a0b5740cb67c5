"""Certificates (Bằng chứng nhận, Giấy khen, Bằng khen) handed to each recipient.

Each carries a public verification code: random, unguessable, short enough to
type from paper (ten characters of Crockford's base 32, printed in two groups).
The public page shows what the certificate itself shows, and whether the award
still stands; ``snapshot`` is that printed content, frozen when the decision was
issued.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from orgs.scoping import ScopedQuerySet

# Crockford's alphabet: no I, L, O or U, so nothing is misread when typed.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def normalise_code(text: str) -> str:
    """Return the code as stored: upper case, no separators, look-alikes mapped."""
    kept = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    return kept.translate(_READ_AS)[:CODE_LENGTH]


def format_code(code: str) -> str:
    """Return "7KQ4M-X2D9P": two groups of five for reading aloud and typing."""
    return f"{code[:5]}-{code[5:]}" if len(code) == CODE_LENGTH else code


class Certificate(models.Model):
    decision = models.ForeignKey(
        "awards.Decision",
        verbose_name=_("Quyết định"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    line = models.OneToOneField(
        "awards.DecisionLine",
        verbose_name=_("Người, tập thể nhận"),
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    record = models.OneToOneField(
        "awards.AwardRecord",
        verbose_name=_("Khen thưởng"),
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị của người nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    code = models.CharField(_("Mã xác thực"), max_length=CODE_LENGTH, unique=True)
    snapshot = models.JSONField(_("Nội dung in"), default=dict)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Giấy chứng nhận, bằng, giấy khen")
        verbose_name_plural = _("Giấy chứng nhận, bằng, giấy khen")
        ordering = ["decision", "line__order"]

    def __str__(self) -> str:
        return f"{self.printed_code} – {self.snapshot.get('recipient', '')}"

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValidationError(
            gettext("Giấy chứng nhận đã cấp không được xóa."), code="protected"
        )

    @property
    def printed_code(self) -> str:
        return format_code(self.code)
