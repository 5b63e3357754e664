"""Importing items from CSV/JSON: problems by line (header problems on line 1), all or nothing."""
from __future__ import annotations

import json

from db import importer
from db.models import Item
from tests.helpers import user

GOOD = "中心召开政务公开工作会议"


def csv_file(tmp_path, text: str):
    path = tmp_path / "items.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_csv_file_is_imported(profile, tmp_path):
    path = csv_file(tmp_path, f"栏目,标题,正文\ngzdt,{GOOD},会议部署了重点工作。\n")
    report = importer.import_file(path, user("liuyang"))
    assert report.ok and report.imported == 1
    assert Item.get(Item.title == GOOD).body_text == "会议部署了重点工作。"


def test_unknown_headers_are_reported_once_on_the_header_line(profile, tmp_path):
    path = csv_file(tmp_path, f"栏目,标题,作者,备注\ngzdt,{GOOD},张三,无\ngzdt,第二条,李四,无\n")
    report = importer.import_file(path, user("liuyang"))
    assert [(p.line, p.header, p.message) for p in report.problems] == [
        (1, True, "未知的列“作者”"), (1, True, "未知的列“备注”")]
    assert [p.where() for p in report.problems] == ["第1行（表头）", "第1行（表头）"]
    assert not Item.select().exists(), "a bad file changes nothing"


def test_missing_required_columns_and_bad_rows_keep_their_own_lines(profile, tmp_path):
    path = csv_file(tmp_path, f"栏目,正文\ngzdt,正文一\n")
    report = importer.import_file(path, user("liuyang"))
    assert (1, True, "缺少“标题”列") in [(p.line, p.header, p.message) for p in report.problems]
    assert (2, False, "缺少标题") in [(p.line, p.header, p.message) for p in report.problems]
    assert report.problems[-1].where() == "第2行"


def test_a_bad_row_is_named_by_its_line(profile, tmp_path):
    path = csv_file(tmp_path, f"栏目,标题,文号\ngzdt,{GOOD},\ngzdt,第二条,信政服2017第12号\n")
    report = importer.import_file(path, user("liuyang"))
    assert {p.line for p in report.problems} == {3} and not any(p.header for p in report.problems)
    assert not Item.select().exists()


def test_json_objects_report_unknown_fields_at_their_own_line(profile, tmp_path):
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"column": "gzdt", "title": GOOD},
                                {"column": "gzdt", "title": "第二条", "author": "张三"}],
                               ensure_ascii=False, indent=1), encoding="utf-8")
    report = importer.import_file(path, user("liuyang"))
    assert [(p.where(), p.message) for p in report.problems] == [("第6行", "未知的列“author”")]
