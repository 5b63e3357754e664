"""The approval slip prints what was approved and the whole chain of decisions."""
from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from db import clock, items
from db.models import Item
from db.workflow import decisions, delegation, slip
from forms.slips import render_slip
from tests.helpers import user
from tests.workflow.conftest import approve, draft, submitted


def pdf_text(pdf: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return text.replace(" ", "").replace("\u3000", "")


def test_the_slip_names_the_content_and_every_decision(profile):
    item, v1 = submitted()
    decisions.return_item(user("chenjing"), item.id, 1, v1.content_hash, "请补充会议时间")
    from db import items
    from db.models import Item
    v2 = items.submit(user("liuyang"), Item.get_by_id(item.id))
    approve("chenjing", v2, "同意")
    today = clock.local_today()
    delegation.delegate(user("wangjianguo"), user("wangjianguo"), user("limeihua"), today, today + dt.timedelta(days=3))
    approve("limeihua", v2, "同意发布")
    data = slip.slip_data(item.id)
    assert [d["signed_as"] for d in data["decisions"]] == ["陈静", "陈静", "李美华 代 王建国"]
    result = render_slip(data)
    assert result.pdf.startswith(b"%PDF") and result.pages == 1
    text = pdf_text(result.pdf)
    for expected in ("政府信息公开审批单", item.title[:10], data["index_no"], "办公室", "刘洋",
                     v2.content_hash[:12], "请补充会议时间", "退回", "李美华代王建国", "同意发布", "分管领导审批"):
        assert expected in text, expected


def test_a_long_comment_wraps_and_stays_on_one_page(profile):
    item, version = submitted()
    approve("chenjing", version, "内容属实，同意报分管领导审批。" * 6)
    result = render_slip(slip.slip_data(item.id))
    assert result.pages == 1
    assert "同意报分管领导审批。内容属实" in pdf_text(result.pdf).replace("\n", "")


def test_the_slip_command_finds_the_item_by_its_index_number(profile, tmp_path, capsys):
    import argparse
    from desktop.commands import slip as slip_command
    item, version = submitted()
    out = tmp_path / "审批单.pdf"
    args = argparse.Namespace(profile=str(profile.root), item=item.index_no, version=None, out=str(out))
    assert slip_command.run(args) == 0
    assert item.title[:8] in pdf_text(out.read_bytes())
    args.item = "XYSXZFWZX/1999-99999"
    assert slip_command.run(args) == 1


def test_the_slip_names_the_findings_let_through_and_who_gave_which_reason(profile):
    from db.checks import service
    drafter = user("liuyang")
    item = draft(body_html="<p>会议联系人：王老师，咨询电话13812341234。</p>")
    [mobile] = service.findings_for_item(item)
    service.override(drafter, item, mobile, "中心对外公布的值班手机")
    version = items.submit(drafter, Item.get_by_id(item.id))
    data = slip.slip_data(item.id, version.number)
    assert [(o["reason"], o["by"]) for o in data["overrides"]] == [("中心对外公布的值班手机", "刘洋")]
    text = pdf_text(render_slip(data).pdf)
    for expected in ("检查例外", "手机号码", "中心对外公布的值班手机", "刘洋", data["overrides"][0]["at"][:10]):
        assert expected in text, expected
    assert "13812341234" not in text, "the personal data itself is not printed"


def font_sizes_of(pdf: bytes, words: tuple[str, ...]) -> dict[str, set[float]]:
    """The font sizes each word is drawn in (pypdf reports the size set by Tf)."""
    sizes: dict[str, set[float]] = {word: set() for word in words}

    def visit(text, _cm, _tm, _font, size):
        for word in words:
            if word in text.replace(" ", ""):
                sizes[word].add(round(size, 1))
    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_the_stage_cells_are_printed_as_large_as_the_rest_of_the_table(profile):
    item, version = submitted()
    approve("chenjing", version, "同意报送")
    sizes = font_sizes_of(render_slip(slip.slip_data(item.id)).pdf, ("科室负责人审核", "陈静", "同意报送"))
    assert sizes["科室负责人审核"] == sizes["陈静"] == sizes["同意报送"] and len(sizes["陈静"]) == 1
