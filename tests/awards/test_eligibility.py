"""Every eligibility rule seeded from domain.md, with passing, failing and "cannot
tell" cases, the change of rules on 1/1/2024, province-scoped rules, overrides
and the fixed number of queries for a whole dossier."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.models import EligibilityResult, EligibilityRule, InitiativeScope, Verdict
from awards.services import dossiers as dossier_services
from awards.services.eligibility import (
    blocking_failures,
    eligibility_evaluate,
    eligibility_override,
)
from orgs.models import LegalParameter
from orgs.services import parameter_value_set
from tests.factories import PersonFactory, UnitFactory
from tests.factories_awards import (
    D,
    dossier,
    initiative,
    kind,
    record,
    results,
    submitted,
)

pytestmark = pytest.mark.django_db
GRASSROOTS, PROVINCE, NATIONAL = (
    InitiativeScope.GRASSROOTS,
    InitiativeScope.PROVINCE,
    InitiativeScope.NATIONAL,
)


def check(target, subject, code):
    eligibility_evaluate(dossier=target)
    field = (
        "nomination__collective" if hasattr(subject, "path") else "nomination__person"
    )
    row = EligibilityResult.objects.get(
        dossier=target, rule__code=code, **{field: subject}
    )
    return row.verdict, row.reason


def person_in(world, **by_year):
    person = PersonFactory(unit=world.unit_a)
    results(person, **by_year)
    return person


# Lao động tiên tiến ---------------------------------------------------------------------


def test_ldtt_needs_good_result(world):
    good, weak, blank = (
        person_in(world, y2024="HTTNV"),
        person_in(world, y2024="HTNV"),
        person_in(world),
    )
    target = dossier(world.unit_a, "LDTT", people=[good, weak, blank])
    assert check(target, good, "ldtt-ket-qua")[0] == Verdict.PASSED
    verdict, reason = check(target, weak, "ldtt-ket-qua")
    assert verdict == Verdict.FAILED and "Hoàn thành nhiệm vụ" in reason
    assert check(target, blank, "ldtt-ket-qua") == (
        Verdict.UNKNOWN,
        "Chưa có kết quả đánh giá năm 2024.",
    )


# Chiến sĩ thi đua cơ sở ---------------------------------------------------------------------


def test_cstdcs_needs_ldtt_of_the_year_pending_is_unknown(world):
    held, waiting, none = (person_in(world, y2024="HTXS") for _ in range(3))
    record(held, "LDTT", 2024)
    submitted(dossier(world.unit_a, "LDTT", people=[waiting]))
    target = dossier(world.unit_a, "CSTDCS", people=[held, waiting, none])
    assert check(target, held, "cstdcs-ldtt")[0] == Verdict.PASSED
    verdict, reason = check(target, waiting, "cstdcs-ldtt")
    assert verdict == Verdict.UNKNOWN and "chưa có quyết định" in reason
    assert check(target, none, "cstdcs-ldtt")[0] == Verdict.FAILED


def test_cstdcs_under_the_2022_law_takes_excellence_or_an_initiative(world):
    excellent = person_in(world, y2024="HTXS")
    inventor = person_in(world, y2024="HTTNV")
    initiative(inventor, GRASSROOTS, D(2024, 10, 1))
    plain = person_in(world, y2024="HTTNV")
    target = dossier(world.unit_a, "CSTDCS", people=[excellent, inventor, plain])
    assert check(target, excellent, "cstdcs-htxs-hoac-sang-kien")[0] == Verdict.PASSED
    assert check(target, inventor, "cstdcs-htxs-hoac-sang-kien")[0] == Verdict.PASSED
    verdict, reason = check(target, plain, "cstdcs-htxs-hoac-sang-kien")
    assert verdict == Verdict.FAILED and "không có sáng kiến" in reason


def test_cstdcs_rule_changes_on_1_january_2024(world):
    """Under the 2003 law an initiative was required; from 2024 excellence suffices."""
    person = person_in(world, y2023="HTXS")
    old = dossier(
        world.unit_a, "CSTDCS", year=2023, people=[person], planned=D(2023, 12, 20)
    )
    eligibility_evaluate(dossier=old)
    codes = set(old.eligibility_results.values_list("rule__code", flat=True))
    assert (
        "cstdcs-sang-kien-2003" in codes and "cstdcs-htxs-hoac-sang-kien" not in codes
    )
    assert check(old, person, "cstdcs-sang-kien-2003")[0] == Verdict.FAILED
    new = dossier(world.unit_b, "CSTDCS", year=2023, people=[], planned=D(2024, 1, 20))
    dossier_services.dossier_update(
        dossier=new, actor=None, version=new.version, planned_decision_on=D(2024, 1, 20)
    )
    moved = PersonFactory(unit=world.unit_b)
    results(moved, y2023="HTXS")
    from awards.services.nominations import nominations_add

    nominations_add(dossier=new, actor=None, person_ids=[moved.pk])
    assert check(new, moved, "cstdcs-htxs-hoac-sang-kien")[0] == Verdict.PASSED
    assert not new.eligibility_results.filter(
        rule__code="cstdcs-sang-kien-2003"
    ).exists()


def test_cstdcs_ratio_cap_follows_the_province_rule(world):
    people = [person_in(world, y2024="HTXS") for _ in range(3)]
    for person in people[:2]:
        record(person, "LDTT", 2024)
    target = dossier(world.unit_a, "CSTDCS", people=people[:1])
    eligibility_evaluate(dossier=target)
    row = target.eligibility_results.get(rule__code="cstdcs-ty-le")
    assert row.nomination_id is None and row.verdict == Verdict.PASSED
    assert "Không có quy định tỷ lệ" in row.reason
    parameter_value_set(
        parameter=LegalParameter.objects.get(code="ratio_cap"),
        key="CSTDCS_OF_LDTT",
        value="15/100",
        valid_from=D(2024, 1, 1),
        actor=None,
        scope_unit=world.province,
    )
    eligibility_evaluate(dossier=target)
    row = target.eligibility_results.get(rule__code="cstdcs-ty-le")
    assert row.verdict == Verdict.FAILED and "vượt tỷ lệ tối đa 15%" in row.reason
    for _ in range(5):
        record(PersonFactory(unit=world.unit_a), "LDTT", 2024)
    eligibility_evaluate(dossier=target)
    assert (
        target.eligibility_results.get(rule__code="cstdcs-ty-le").verdict
        == Verdict.PASSED
    )


def test_ratio_cap_of_one_province_does_not_bind_another(world):
    other = UnitFactory(code="Q", kind="province")
    ward = UnitFactory(code="Q1", parent=other)
    person = PersonFactory(unit=ward)
    results(person, y2024="HTXS")
    record(person, "LDTT", 2024)
    parameter_value_set(
        parameter=LegalParameter.objects.get(code="ratio_cap"),
        key="CSTDCS_OF_LDTT",
        value="1/100",
        valid_from=D(2024, 1, 1),
        actor=None,
        scope_unit=world.province,
    )
    target = dossier(ward, "CSTDCS", people=[person])
    eligibility_evaluate(dossier=target)
    assert (
        target.eligibility_results.get(rule__code="cstdcs-ty-le").verdict
        == Verdict.PASSED
    )


# Chiến sĩ thi đua tỉnh, toàn quốc -----------------------------------------------------------


def test_cstdt_needs_three_consecutive_cstdcs(world):
    chain, gap, waiting = (person_in(world) for _ in range(3))
    for year in (2022, 2023, 2024):
        record(chain, "CSTDCS", year)
    for year in (2021, 2023, 2024):
        record(gap, "CSTDCS", year)
    record(waiting, "CSTDCS", 2022)
    record(waiting, "CSTDCS", 2023)
    submitted(dossier(world.unit_a, "CSTDCS", people=[waiting]))
    target = dossier(world.unit_a, "CSTDT", people=[chain, gap, waiting])
    assert check(target, chain, "cstdt-3-cstdcs")[0] == Verdict.PASSED
    verdict, reason = check(target, gap, "cstdt-3-cstdcs")
    assert verdict == Verdict.FAILED and "Thiếu CSTDCS năm 2022" in reason
    assert check(target, waiting, "cstdt-3-cstdcs")[0] == Verdict.UNKNOWN


def test_cstdt_needs_a_province_level_initiative(world):
    strong, local, waiting = (person_in(world) for _ in range(3))
    initiative(strong, PROVINCE, D(2023, 6, 1))
    initiative(local, GRASSROOTS, D(2024, 6, 1))
    initiative(waiting, None, None)
    target = dossier(world.unit_a, "CSTDT", people=[strong, local, waiting])
    assert check(target, strong, "cstdt-sang-kien-tinh")[0] == Verdict.PASSED
    verdict, reason = check(target, local, "cstdt-sang-kien-tinh")
    assert verdict == Verdict.FAILED and "cấp bộ, ban, ngành, tỉnh" in reason
    assert check(target, waiting, "cstdt-sang-kien-tinh")[0] == Verdict.UNKNOWN


def test_cstdtq_needs_two_consecutive_cstdt_and_a_national_initiative(world):
    good, once = person_in(world), person_in(world)
    record(good, "CSTDT", 2021)
    record(good, "CSTDT", 2024)
    initiative(good, NATIONAL, D(2024, 3, 1))
    record(once, "CSTDT", 2024)
    initiative(once, PROVINCE, D(2024, 3, 1))
    target = dossier(world.unit_a, "CSTDTQ", people=[good, once])
    assert check(target, good, "cstdtq-2-cstdt")[0] == Verdict.PASSED
    assert check(target, good, "cstdtq-sang-kien-toan-quoc")[0] == Verdict.PASSED
    assert check(target, once, "cstdtq-2-cstdt")[0] == Verdict.FAILED
    assert check(target, once, "cstdtq-sang-kien-toan-quoc")[0] == Verdict.FAILED


# Bằng khen ----------------------------------------------------------------------------------


def test_bang_khen_thu_tuong_chain(world):
    good = person_in(
        world, y2020="HTTNV", y2021="HTXS", y2022="HTTNV", y2023="HTXS", y2024="HTXS"
    )
    record(good, "BK_TINH", 2022)
    for year in (2021, 2023, 2024):
        record(good, "CSTDCS", year)
    weak = person_in(
        world, y2020="HTTNV", y2021="HTNV", y2022="HTTNV", y2023="HTXS", y2024="HTXS"
    )
    record(weak, "CSTDCS", 2024)
    blank = person_in(world, y2023="HTXS", y2024="HTXS")
    target = dossier(world.unit_a, "BK_TTG", people=[good, weak, blank])
    for code in ("bkttg-bang-khen-truoc", "bkttg-5-nam", "bkttg-3-cstdcs"):
        assert check(target, good, code)[0] == Verdict.PASSED, code
    assert check(target, weak, "bkttg-bang-khen-truoc")[0] == Verdict.FAILED
    assert check(target, weak, "bkttg-5-nam")[0] == Verdict.FAILED
    assert check(target, weak, "bkttg-3-cstdcs")[0] == Verdict.FAILED
    verdict, reason = check(target, blank, "bkttg-5-nam")
    assert verdict == Verdict.UNKNOWN and "2020, 2021, 2022" in reason


def test_bang_khen_thu_tuong_chain_applies_only_to_regular_awards(world):
    person = person_in(world)
    target = dossier(world.unit_a, "BK_TTG", people=[person], award_type="ad_hoc")
    eligibility_evaluate(dossier=target)
    assert not target.eligibility_results.filter(
        rule__code__startswith="bkttg"
    ).exists()


def test_bang_khen_tinh_alternative_criterion_never_fails_outright(world):
    chain = person_in(world)
    record(chain, "CSTDCS", 2023)
    record(chain, "CSTDCS", 2024)
    inventive = person_in(world, y2023="HTXS", y2024="HTXS")
    initiative(inventive, GRASSROOTS, D(2023, 5, 1), title="Sáng kiến A")
    initiative(inventive, GRASSROOTS, D(2024, 5, 1), title="Sáng kiến B")
    nothing = person_in(world, y2023="HTTNV", y2024="HTTNV")
    target = dossier(world.unit_a, "BK_TINH", people=[chain, inventive, nothing])
    assert check(target, chain, "bktinh-tieu-chi-d")[0] == Verdict.PASSED
    assert check(target, inventive, "bktinh-tieu-chi-d")[0] == Verdict.PASSED
    assert check(target, nothing, "bktinh-tieu-chi-d")[0] == Verdict.UNKNOWN


# Tập thể -----------------------------------------------------------------------------------


def collective(world, results_by_person, collective_result="HTXS"):
    unit = world.unit_a1
    results(unit, y2024=collective_result)
    people = []
    for result, titles in results_by_person:
        person = PersonFactory(unit=unit)
        if result:
            results(person, y2024=result)
        for code in titles:
            record(person, code, 2024)
        people.append(person)
    return unit, people


def test_ttldxs_all_rules_pass(world):
    unit, _ = collective(
        world,
        [
            ("HTXS", ["LDTT", "CSTDCS"]),
            ("HTTNV", ["LDTT"]),
            ("HTTNV", ["LDTT"]),
            ("HTNV", []),
        ],
    )
    target = dossier(world.unit_a, "TTLDXS", collectives=[unit])
    for code in (
        "ttldxs-htxs",
        "ttldxs-100-hoan-thanh",
        "ttldxs-70-ldtt",
        "ttldxs-co-cstdcs",
    ):
        assert check(target, unit, code)[0] == Verdict.PASSED, code


def test_ttldxs_rules_fail_with_reasons(world):
    unit, _ = collective(
        world,
        [("HTTNV", ["LDTT"]), ("KHT", []), ("HTNV", []), ("HTNV", [])],
        collective_result="HTTNV",
    )
    target = dossier(world.unit_a, "TTLDXS", collectives=[unit])
    assert check(target, unit, "ttldxs-htxs")[0] == Verdict.FAILED
    verdict, reason = check(target, unit, "ttldxs-100-hoan-thanh")
    assert verdict == Verdict.FAILED and "3/4" in reason
    verdict, reason = check(target, unit, "ttldxs-70-ldtt")
    assert verdict == Verdict.FAILED and "70%" in reason
    assert check(target, unit, "ttldxs-co-cstdcs")[0] == Verdict.FAILED


def test_ttldxs_missing_member_results_cannot_tell(world):
    unit, _ = collective(world, [("HTTNV", ["LDTT", "CSTDCS"]), ("", ["LDTT"])])
    target = dossier(world.unit_a, "TTLDXS", collectives=[unit])
    assert check(target, unit, "ttldxs-100-hoan-thanh")[0] == Verdict.UNKNOWN


def test_ttldtt_share_before_2024_must_exceed_half(world):
    unit, people = collective(world, [("HTTNV", []), ("HTTNV", [])])
    for person in people:
        results(person, y2023="HTTNV")
    record(people[0], "LDTT", 2023)
    target = dossier(
        world.unit_a, "TTLDTT", year=2023, collectives=[unit], planned=D(2023, 12, 10)
    )
    verdict, reason = check(target, unit, "ttldtt-50-ldtt-2003")
    assert verdict == Verdict.FAILED and "1/2" in reason
    record(people[1], "LDTT", 2023)
    assert check(target, unit, "ttldtt-50-ldtt-2003")[0] == Verdict.PASSED


# Duplicates and conflicts across levels -------------------------------------------------


def test_same_person_proposed_twice_in_a_year(world):
    person = person_in(world, y2024="HTTNV")
    first = dossier(world.unit_a, "LDTT", people=[person])
    second = (
        dossier(world.unit_a1, "LDTT", people=[])
        if False
        else dossier(world.unit_a, "LDTT", people=[person])
    )
    verdict, reason = check(second, person, "trung-de-nghi")
    assert verdict == Verdict.FAILED and first.reference in reason


def test_title_already_held_is_a_duplicate(world):
    person = person_in(world, y2024="HTTNV")
    record(person, "LDTT", 2024, decision_number="77/QĐ-UBND")
    target = dossier(world.unit_a, "LDTT", people=[person])
    verdict, reason = check(target, person, "trung-de-nghi")
    assert verdict == Verdict.FAILED and "77/QĐ-UBND" in reason


def test_one_achievement_cannot_earn_two_commendations(world):
    person = person_in(world)
    record(person, "BK_TINH", 2024)
    target = dossier(world.unit_a, "GIAY_KHEN", people=[person])
    verdict, reason = check(target, person, "mot-thanh-tich")
    assert verdict == Verdict.FAILED and "Bằng khen" in reason
    adhoc = dossier(world.unit_a, "GIAY_KHEN", people=[person], award_type="ad_hoc")
    eligibility_evaluate(dossier=adhoc)
    assert not adhoc.eligibility_results.filter(rule__code="mot-thanh-tich").exists()


def test_higher_level_proposal_pending_blocks_a_lower_one(world):
    person = person_in(world)
    higher = submitted(dossier(world.unit_a, "BK_TINH", people=[person]))
    target = dossier(world.unit_a, "GIAY_KHEN", people=[person])
    verdict, reason = check(target, person, "de-nghi-cap-cao-hon")
    assert verdict == Verdict.FAILED and higher.reference in reason
    assert check(higher, person, "de-nghi-cap-cao-hon")[0] == Verdict.PASSED


# Rules as data ------------------------------------------------------------------------------


def test_a_province_rule_applies_only_inside_the_province(world):
    EligibilityRule.objects.create(
        code="tinh-thu-ldtt-htxs",
        name="Tỉnh Thử: LĐTT phải HTXS",
        kind="min_result",
        award_kind=kind("LDTT"),
        subject="individual",
        params={"min_result": "HTXS"},
        valid_from=D(2024, 1, 1),
        scope_unit=world.province,
    )
    person = person_in(world, y2024="HTTNV")
    target = dossier(world.unit_a, "LDTT", people=[person])
    assert check(target, person, "tinh-thu-ldtt-htxs")[0] == Verdict.FAILED
    other = UnitFactory(code="Q", kind="province")
    stranger = PersonFactory(unit=other)
    results(stranger, y2024="HTTNV")
    outside = dossier(other, "LDTT", people=[stranger])
    eligibility_evaluate(dossier=outside)
    assert not outside.eligibility_results.filter(
        rule__code="tinh-thu-ldtt-htxs"
    ).exists()


def test_an_inactive_or_expired_rule_is_not_applied(world):
    EligibilityRule.objects.filter(code="ldtt-ket-qua").update(valid_to=D(2024, 12, 31))
    person = person_in(world, y2024="KHT")
    target = dossier(world.unit_a, "LDTT", people=[person], planned=D(2025, 1, 20))
    eligibility_evaluate(dossier=target)
    assert not target.eligibility_results.filter(rule__code="ldtt-ket-qua").exists()


# Overrides and the appraisal gate -------------------------------------------------------


def test_a_failed_check_blocks_acceptance_until_overridden_with_a_reason(world):
    person = person_in(world, y2024="HTNV")
    target = submitted(dossier(world.unit_a, "LDTT", people=[person]))
    target = dossier_services.dossier_start_review(
        dossier=target, actor=world.secretariat
    )
    with pytest.raises(ValidationError, match="điều kiện không đạt"):
        dossier_services.dossier_accept(dossier=target, actor=world.secretariat)
    failed = target.eligibility_results.get(rule__code="ldtt-ket-qua")
    with pytest.raises(ValidationError, match="lý do"):
        eligibility_override(result=failed, actor=world.secretariat, reason=" ")
    override = eligibility_override(
        result=failed, actor=world.secretariat, reason="Kết quả đã được phúc tra lại"
    )
    assert override.actor == world.secretariat and override.failed_reason
    eligibility_evaluate(dossier=target)
    assert blocking_failures(target) == []
    accepted = dossier_services.dossier_accept(dossier=target, actor=world.secretariat)
    assert accepted.status == "checked"


def test_overriding_a_passed_check_is_refused(world):
    person = person_in(world, y2024="HTXS")
    target = dossier(world.unit_a, "LDTT", people=[person])
    eligibility_evaluate(dossier=target)
    passed = target.eligibility_results.get(rule__code="ldtt-ket-qua")
    with pytest.raises(ValidationError, match="không đạt"):
        eligibility_override(result=passed, actor=world.secretariat, reason="x")


# Batch evaluation -------------------------------------------------------------------------


def non_insert_queries(target):
    with CaptureQueriesContext(connection) as captured:
        eligibility_evaluate(dossier=target)
    return [
        q["sql"] for q in captured.captured_queries if not q["sql"].startswith("INSERT")
    ]


@pytest.mark.parametrize("code", ["CSTDCS", "TTLDXS"])
def test_evaluation_costs_the_same_queries_for_5_and_60_nominees(world, code):
    def build(count, unit):
        people = [PersonFactory(unit=unit) for _ in range(count)]
        for person in people:
            results(person, y2024="HTXS")
            record(person, "LDTT", 2024)
        if code == "TTLDXS":
            units = [UnitFactory(parent=unit) for _ in range(count)]
            for child in units:
                PersonFactory(unit=child)
            return dossier(unit, code, collectives=units)
        return dossier(unit, code, people=people)

    small = build(5, world.unit_a)
    large = build(60, world.unit_b)
    assert len(non_insert_queries(small)) == len(non_insert_queries(large))
