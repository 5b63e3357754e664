"""Importing items from CSV or JSON files.

All rows are read and checked first; only when every row is good are they stored, in
one transaction. A bad file therefore changes nothing, and the report names each bad
row by its line number so it can be fixed and imported again without duplicates.
A CSV file's header problems (unknown or missing columns) are reported once, on line 1.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from db import items, metadata, richtext
from db.database import database
from db.errors import DomainError
from db.models import Column, Topic, User

FIELDS = ("column", "title", "body", "publisher", "doc_no", "topic", "written_on",
          "validity", "disclosure", "secrecy", "summary")
REQUIRED = {"column": "栏目", "title": "标题"}
HEADER_ALIASES = {"栏目": "column", "标题": "title", "正文": "body", "发布机构": "publisher",
                  "文号": "doc_no", "主题分类": "topic", "成文日期": "written_on", "有效性": "validity",
                  "公开属性": "disclosure", "涉密状态": "secrecy", "内容概述": "summary"}


@dataclass
class RowProblem:
    line: int
    message: str
    header: bool = False          # a problem of the CSV header row rather than of a data row

    def where(self) -> str:
        return f"第{self.line}行（表头）" if self.header else f"第{self.line}行"


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def read_file(path: Path) -> tuple[list[str], list[tuple[int, dict]]]:
    """The header's problems and the (line number, row) pairs; a row's line is where it
    starts in the file. A JSON array has no header: each object names its own fields."""
    raw = path.read_bytes()
    text = _decode(raw)
    if path.suffix.lower() == ".json":
        return [], _json_rows(text)
    return _csv_rows(text)


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DomainError("文件编码无法识别（请使用 UTF-8 或 GB18030）", "Unknown file encoding (use UTF-8 or GB18030)")


def _csv_rows(text: str) -> tuple[list[str], list[tuple[int, dict]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None:
        raise DomainError("文件是空的", "The file is empty")
    reader.fieldnames = [HEADER_ALIASES.get(name.strip(), name.strip()) for name in reader.fieldnames]
    known = [name for name in reader.fieldnames if name in FIELDS]
    rows, line = [], 2
    for row in reader:
        # Unknown columns are the header's problem, said once; rows keep only the known ones.
        rows.append((line, {k: v for k, v in row.items() if k in known or k is None}))
        line = reader.line_num + 1
    return header_problems(reader.fieldnames), rows


def header_problems(names: list[str]) -> list[str]:
    """Unknown, unnamed and missing required columns of a CSV header."""
    problems = []
    for number, name in enumerate(names, start=1):
        if not name:
            problems.append(f"第{number}列没有列名")
        elif name not in FIELDS:
            problems.append(f"未知的列“{name}”")
    problems += [f"缺少“{label}”列" for name, label in REQUIRED.items() if name not in names]
    return problems


def _json_rows(text: str) -> list[tuple[int, dict]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DomainError(f"JSON 格式错误：第{exc.lineno}行第{exc.colno}列，{exc.msg}",
                          f"Malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    if not isinstance(data, list):
        raise DomainError("JSON 文件应为信息对象的数组", "The JSON file must be an array of items")
    lines = _object_start_lines(text)
    return [(lines[n] if n < len(lines) else n + 1,
             {HEADER_ALIASES.get(k, k): v for k, v in row.items()} if isinstance(row, dict) else row)
            for n, row in enumerate(data)]


def _object_start_lines(text: str) -> list[int]:
    """Line numbers where each top-level array element starts (for messages)."""
    starts, depth, line, in_string, escaped = [], 0, 1, False, False
    for char in text:
        if char == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "[{":
            if depth == 1:
                starts.append(line)
            depth += 1
        elif char in "]}":
            depth -= 1
    return starts


def check_row(row, user: User) -> tuple[dict | None, list[str]]:
    """The item fields for a row, or the problems that stop it."""
    if not isinstance(row, dict):
        return None, ["不是一个信息对象"]
    unknown = [k for k in row if k not in FIELDS and k is not None]
    problems = [f"未知的列“{k}”" for k in unknown]
    if None in row:
        problems.append("列数多于表头")
    column = _find_column(str(row.get("column") or "").strip())
    if column is None:
        problems.append(f"栏目“{row.get('column') or ''}”不存在")
    fields = {k: str(row.get(k) or "").strip() for k in FIELDS if k not in ("column", "body")}
    fields["topic"] = _topic_code(fields["topic"])
    body = str(row.get("body") or "")
    fields["body_html"] = body if body.lstrip().startswith("<") else richtext.from_text(body)
    fields = {k: v for k, v in fields.items() if v != "" or k in ("title",)}
    if not fields.get("title"):
        problems.append("缺少标题")
    problems += [zh for zh, _ in metadata.field_problems(fields).values()]
    if column is not None:
        try:
            items.require_drafter_of(user, column, user.section_id)
        except DomainError as error:
            problems.append(str(error))
    return ({"column": column, "fields": fields} if not problems else None), problems


def _find_column(value: str) -> Column | None:
    return Column.get_or_none((Column.code == value) | (Column.name == value)) if value else None


def _topic_code(value: str) -> str:
    if not value:
        return ""
    topic = Topic.get_or_none((Topic.code == value) | (Topic.name == value))
    return topic.code if topic else value


def import_file(path: Path, user: User, dry_run: bool = False) -> ImportReport:
    report = ImportReport()
    header, rows = read_file(path)
    report.problems += [RowProblem(1, problem, header=True) for problem in header]
    report.rows = len(rows)
    good = []
    for line, row in rows:
        checked, problems = check_row(row, user)
        report.problems += [RowProblem(line, p) for p in problems]
        if checked:
            good.append(checked)
    if report.problems or dry_run:
        return report
    with database.atomic():
        for checked in good:
            items.create_item(user, checked["column"], checked["fields"])
    report.imported = len(good)
    return report
