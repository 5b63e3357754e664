"""Findings of items and versions, overrides, and submission stopped by blocking findings."""
from __future__ import annotations

import json

import pytest

from db import attachments, items
from db.checks import lists, service
from db.checks.findings import Finding
from db.errors import NotFound, PermissionDenied, ValidationFailed
from db.models import AuditEvent, OutboxOp, Version
from tests.checks.checks_helpers import make_id
from tests.helpers import column, user

MOBILE = "13800138000"
COMPLETE = {
    "title": "关于调整窗口办公时间的通知",
    "body_html": "<p>自2017年12月1日起调整窗口办公时间。</p>",
    "publisher": "信阳市行政服务中心",
    "doc_no": "信政服〔2017〕12号",
    "topic": "0101",
    "written_on": "2017-03-15",
    "summary": "调整窗口办公时间。",
}


def draft(**fields):
    return items.create_item(user("liuyang"), column("gzdt"), {**COMPLETE, **fields})


def with_mobile():
    return draft(body_html=f"<p>联系人：张三，电话{MOBILE}。</p>")


def rules(findings) -> list[tuple[str, str]]:
    return [(f.rule, f.field) for f in findings]


def test_a_complete_clean_item_has_no_findings(profile):
    assert service.findings_for_item(draft()) == []


def test_context_has_the_profile_lists_and_topic_tree(profile):
    item = draft(body_html="<p>此处待补充</p>", topic="01")
    found = {(f.rule, f.severity, f.field) for f in service.findings_for_item(item)}
    assert ("sensitive_word", "blocking", "body") in found        # seeded from resources/wordlists
    assert ("topic_leaf", "blocking", "meta.topic") in found       # 01 is a branch of the topic tree


def test_submission_is_refused_until_the_blocking_finding_has_a_reason(profile):
    drafter, item = user("liuyang"), with_mobile()
    with pytest.raises(service.UnresolvedFindings) as refused:
        items.submit(drafter, item)
    assert "正文：手机号码属于个人信息" in str(refused.value)
    assert MOBILE not in str(refused.value) and refused.value.english
    assert rules(refused.value.findings) == [("mobile", "body")]
    assert not Version.select().exists()

    finding = refused.value.findings[0]
    with pytest.raises(ValidationFailed, match="例外理由"):
        service.override(drafter, item, finding, "   ")
    service.override(drafter, item, finding, "这是中心对外公布的值班手机")
    version = items.submit(drafter, item)
    assert version.number == 1 and service.unresolved_blocking(version) == []
    [checked] = service.checked(version)
    assert (checked.override.reason, checked.override.user_name) == ("这是中心对外公布的值班手机", "刘洋")


def test_an_override_is_audited_and_queued_without_the_personal_data(profile):
    drafter, item = user("liuyang"), with_mobile()
    [finding] = service.findings_for_item(item)
    service.override(drafter, item, finding.key, "值班手机，已公开")       # by key, as the UI may
    event = AuditEvent.get(AuditEvent.action == "check_override")
    detail = json.loads(event.detail)
    assert (event.object_id, detail["reason"], detail["rule"], detail["key"]) == (
        item.id, "值班手机，已公开", "mobile", finding.key)
    op = OutboxOp.get(OutboxOp.kind == "check.override")
    assert json.loads(op.payload)["item_id"] == item.id
    assert MOBILE not in event.detail and MOBILE not in op.payload


def test_an_override_holds_only_for_the_same_finding(profile):
    drafter, item = user("liuyang"), with_mobile()
    service.override(drafter, item, service.findings_for_item(item)[0], "值班手机")
    items.save_item(drafter, item, {"body_html": "<p>联系人：张三，电话13900139000。</p>"})
    with pytest.raises(service.UnresolvedFindings):
        items.submit(drafter, item)


def test_what_submission_itself_refuses_cannot_be_overridden(profile):
    drafter, item = user("liuyang"), draft()
    secret = Finding("secret_item", "blocking", "涉密信息不得上网公开", "meta.secrecy")
    with pytest.raises(ValidationFailed, match="不能以理由放行"):
        service.override(drafter, item, secret, "领导同意")
    warning = Finding("internal_word", "warning", "含“内部资料”字样", "body", 0, 4, "内部资料")
    with pytest.raises(ValidationFailed, match="无需说明理由"):
        service.override(drafter, item, warning, "无妨")


def test_a_key_that_no_longer_occurs_is_not_found(profile):
    with pytest.raises(NotFound):
        service.override(user("liuyang"), draft(), "0" * 32, "理由")


@pytest.mark.parametrize("username", ["maxiaoyan", "wangjianguo", "admin"])
def test_only_drafters_of_the_section_override_on_a_working_copy(profile, username):
    item = with_mobile()
    with pytest.raises(PermissionDenied):
        service.override(user(username), item, service.findings_for_item(item)[0], "理由")


def submitted_then_listed():
    """A version submitted clean, then made leaky by a word the admin lists afterwards."""
    item = draft()
    version = items.submit(user("liuyang"), item)
    lists.save_sensitive(user("admin"), "窗口办公时间", "blocking", note="示例")
    return item, version


def test_a_version_gains_findings_when_the_word_lists_change(profile):
    item, version = submitted_then_listed()
    assert rules(service.unresolved_blocking(version)) == [
        ("sensitive_word", "title"), ("sensitive_word", "body"), ("sensitive_word", "meta.summary")]


def test_reviewers_override_on_a_version_and_it_holds_for_that_version(profile):
    item, version = submitted_then_listed()
    findings = service.unresolved_blocking(version)
    with pytest.raises(PermissionDenied):
        service.override(user("liuyang"), version, findings[0], "作者不能替审核人放行")
    for finding in findings:
        service.override(user("chenjing"), version, finding, "通知标题如此，不属敏感内容")
    assert service.unresolved_blocking(version) == []
    assert [c.override.version_no for c in service.checked(version)] == [1, 1, 1]
    assert [c.unresolved for c in service.checked(item)] == [True] * 3, "the working copy is not covered"


def test_attachments_are_checked_and_a_missing_file_blocks(profile, tmp_path):
    drafter, item = user("liuyang"), draft()
    roster = tmp_path / "名单.txt"
    roster.write_text(f"张三 {make_id()}\n", encoding="utf-8")
    attachment = attachments.add_attachment(profile, drafter, item, roster)
    [finding] = service.findings_for_item(item)
    assert (finding.rule, finding.source, finding.location) == ("id_number", "名单.txt", "第1行")
    assert service.findings_for_item(item, attachments=False) == []
    service.override(drafter, item, finding, "公示名单，已获本人同意")
    version = items.submit(drafter, item)
    assert service.unresolved_blocking(version, profile.blob_dir) == []
    attachments.blob_path(profile, attachment.sha256).unlink()
    assert rules(service.unresolved_blocking(version)) == [("attachment_missing", "attachment")]


def test_a_refusal_sums_up_an_attachment_in_one_line(profile, tmp_path):
    drafter, item = user("liuyang"), draft()
    roster = tmp_path / "名单.txt"
    roster.write_text("\n".join(f"职工{n} {make_id(seq=f'{n:03d}')}" for n in range(1, 41)), encoding="utf-8")
    attachments.add_attachment(profile, drafter, item, roster)
    with pytest.raises(service.UnresolvedFindings) as refused:
        items.submit(drafter, item)
    assert len(refused.value.findings) == 40
    assert list(refused.value.problems.values()) == [(
        "附件“名单.txt”：40项，如（第1行）身份证号码属于个人信息，公开前须遮盖",
        f"attachment 名单.txt: 40 finding(s), e.g. {refused.value.findings[0].english}")]
