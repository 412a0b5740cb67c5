"""The seeded catalogue against shared/domain.md: codes, subjects, levels, the
authority change of 1/7/2025, checklists (Luật 2022 Điều 84), multipliers and
voting rules, and the seed can run again without duplicating anything."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from awards.models import AwardAuthority, AwardKind, AwardKindComponent, EligibilityRule
from awards.services.catalogue import (
    authorities_on,
    receiving_unit_for,
    requires_public_comment,
)
from orgs.selectors import parameter_value
from tests.conftest import load_reference_data
from tests.factories import UnitFactory
from tests.factories_awards import D, kind

pytestmark = pytest.mark.django_db

MULTIPLIER_KEYS = [
    "CSTDTQ",
    "CSTDT",
    "CSTDCS",
    "LDTT",
    "TTLDXS",
    "TTLDTT",
    "XA_TIEU_BIEU",
    "THON_VAN_HOA",
    "CO_CP",
    "CO_TINH",
    "BK_TTG",
    "BK_TINH",
    "GIAY_KHEN",
]


def test_every_multiplier_key_of_the_foundation_is_a_catalogue_code():
    codes = set(AwardKind.objects.values_list("code", flat=True))
    assert set(MULTIPLIER_KEYS) <= codes


@pytest.mark.parametrize(
    ("code", "category", "level", "subjects"),
    [
        ("CSTDTQ", "title", 30, ["individual"]),
        ("CSTDT", "title", 20, ["individual"]),
        ("CSTDCS", "title", 10, ["individual"]),
        ("LDTT", "title", 10, ["individual"]),
        ("TTLDXS", "title", 20, ["collective"]),
        ("TTLDTT", "title", 10, ["collective"]),
        ("CO_CP", "title", 30, ["collective"]),
        ("THON_VAN_HOA", "title", 10, ["collective"]),
        ("GIA_DINH_VAN_HOA", "title", 10, ["household"]),
        ("GIAY_KHEN", "commendation", 10, ["individual", "collective", "household"]),
        ("BK_TTG", "commendation", 30, ["individual", "collective"]),
    ],
)
def test_kinds_match_domain_md(code, category, level, subjects):
    item = kind(code)
    assert (item.category, item.level, item.subjects) == (category, level, subjects)
    assert item.legal_basis.number == "06/2022/QH15"


def test_award_objects_follow_the_reward_table():
    assert set(kind("CSTDTQ").objects_given.values_list("code", flat=True)) == {
        "bang",
        "khung",
        "huy-hieu",
        "hop",
    }
    assert set(kind("CO_TINH").objects_given.values_list("code", flat=True)) == {"co"}
    assert not kind("LDTT").objects_given.exists()


@pytest.mark.parametrize("code", ["CSTDCS", "TTLDTT", "THON_VAN_HOA"])
def test_district_authority_moves_to_the_commune_on_1_july_2025(code):
    before = {row.authority for row in authorities_on(kind(code), D(2025, 6, 30))}
    after = {row.authority for row in authorities_on(kind(code), D(2025, 7, 1))}
    assert "district_chair" in before and "commune_chair" not in before
    assert "commune_chair" in after and "district_chair" not in after


def test_a_ward_passes_province_titles_up_and_keeps_its_own(world):
    assert (
        receiving_unit_for(
            unit=world.unit_a, award_kind=kind("LDTT"), on=D(2025, 1, 10)
        )
        == world.unit_a
    )
    assert (
        receiving_unit_for(
            unit=world.unit_a, award_kind=kind("CSTDT"), on=D(2025, 1, 10)
        )
        == world.province
    )
    assert (
        receiving_unit_for(
            unit=world.unit_a, award_kind=kind("CSTDTQ"), on=D(2025, 1, 10)
        )
        == world.province
    )


def test_cstdcs_of_a_ward_went_to_the_district_then_stays_in_the_ward(world):
    district = UnitFactory(
        code="QH", kind="district", parent=world.province, valid_to=D(2025, 6, 30)
    )
    ward = UnitFactory(code="QH-P", kind="ward", parent=district)
    assert (
        receiving_unit_for(unit=ward, award_kind=kind("CSTDCS"), on=D(2025, 1, 10))
        == district
    )
    assert (
        receiving_unit_for(unit=ward, award_kind=kind("CSTDCS"), on=D(2025, 8, 1))
        == ward
    )


def test_a_school_confers_its_own_grassroots_titles(world):
    assert (
        receiving_unit_for(
            unit=world.unit_a1, award_kind=kind("CSTDCS"), on=D(2025, 8, 1)
        )
        == world.unit_a1
    )


def test_checklists_follow_article_84():
    def components(code, procedure="normal"):
        return {
            row.component.code: row.required
            for row in AwardKindComponent.objects.filter(
                award_kind__code=code, procedure=procedure
            ).select_related("component")
        }

    title = components("LDTT")
    assert title == {
        "to-trinh": True,
        "bao-cao-thanh-tich": True,
        "bien-ban-binh-xet": True,
    }
    assert components("CSTDT")["xac-nhan-sang-kien"] is True
    assert components("CSTDCS")["xac-nhan-sang-kien"] is False
    commendation = components("BK_TINH")
    assert (
        commendation["bien-ban-xet-khen-thuong"] is True
        and "bien-ban-binh-xet" not in commendation
    )
    assert components("GIAY_KHEN", "simplified") == {
        "to-trinh": True,
        "tom-tat-thanh-tich": True,
        "bien-ban-xet-khen-thuong": False,
    }


def test_public_comment_is_required_for_the_highest_awards_from_2024():
    assert requires_public_comment(kind("AH_LAO_DONG"), D(2024, 6, 1)) is True
    assert requires_public_comment(kind("AH_LAO_DONG"), D(2025, 8, 1)) is True
    assert requires_public_comment(kind("AH_LAO_DONG"), D(2023, 6, 1)) is False
    assert requires_public_comment(kind("HC_LAO_DONG_3"), D(2025, 8, 1)) is True
    assert requires_public_comment(kind("CSTDT"), D(2025, 8, 1)) is False


def test_multipliers_and_voting_rules_are_dated_parameters():
    on = D(2025, 8, 1)
    assert parameter_value("reward_multiplier", on=on, key="CSTDTQ") == Decimal("4.5")
    assert parameter_value(
        "reward_multiplier", on=on, key="GIAY_KHEN:household"
    ) == Decimal("0.45")
    assert parameter_value("reward_multiplier", on=on, key="HC_SAO_VANG") == Decimal(
        "46"
    )
    assert kind("GIAY_KHEN").multiplier_key("household") == "GIAY_KHEN:household"
    assert kind("TTLDXS").multiplier_key("collective") == "TTLDXS"
    assert parameter_value("vote_threshold", on=on, key="CSTDT") == Fraction(9, 10)
    assert parameter_value("vote_method", on=on, key="CSTDT") == "secret_ballot"
    assert parameter_value("vote_threshold", on=on, key="LDTT") == Fraction(7, 10)
    assert parameter_value("vote_base", on=on, key="LDTT") == "all_members"


def test_former_name_is_kept_for_documents_before_the_reform():
    item = AwardKind.objects.prefetch_related("former_names").get(code="XA_TIEU_BIEU")
    assert item.name_on(D(2025, 6, 30)) == "Xã, phường, thị trấn tiêu biểu"
    assert item.name_on(D(2025, 7, 1)) == "Xã, phường, đặc khu tiêu biểu"


def test_every_rule_cites_its_basis_and_a_confidence_tag():
    for rule in EligibilityRule.objects.all():
        assert rule.legal_basis_id, rule.code
        assert any(tag in rule.note for tag in ("[V]", "[P]", "[U]")), rule.code


def test_seed_is_idempotent():
    counts = (
        AwardKind.objects.count(),
        AwardAuthority.objects.count(),
        EligibilityRule.objects.count(),
    )
    load_reference_data()
    assert (
        AwardKind.objects.count(),
        AwardAuthority.objects.count(),
        EligibilityRule.objects.count(),
    ) == counts
