"""Check engine timings beside their floors (issue 6).

1. A realistic 5,000-character body (HTML): median time of richtext.to_text + check_text,
   goal ≤ 20 ms. Floors: (a) richtext.to_text alone, the plain text every check starts
   from; (b) one regex scan (re.findall of digit runs) over that plain text.
2. A 10,000-row roster .xlsx (name, ID number, mobile, address, note): time of
   check_attachment, goal ≤ 3 s. Floors: (a) db.extract.extract_chunks alone, the same
   reader without the rules; (b) openpyxl read-only iterating every cell value.

3. In a profile (db.checks.service): context_for_profile() while the word lists are
   unchanged (the compiled automata are reused) and right after an admin edit (they are
   rebuilt, here with 1,000 extra words), beside the floor of one SELECT of the lists'
   stamp; the check submission runs on a typical item (service.checked) beside the floor
   of building its content dict; the roster's findings asked again (cached) beside the
   first time.

Run: .venv/bin/python bench/bench_checks.py
"""
from __future__ import annotations

import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import richtext  # noqa: E402
from db.checks import CheckContext, check_text  # noqa: E402
from db.checks.idcard import check_char  # noqa: E402
from db.checks.wordlists import (SensitiveEntry, load_default_confusion,  # noqa: E402
                                 load_default_sensitive)
from db.extract import check_attachment, extract_chunks  # noqa: E402

PARAGRAPHS = (
    "为认真贯彻落实《中华人民共和国政府信息公开条例》（国务院令第711号）和省政府、市政府相关文件要求，"
    "市行政服务中心认真开展了政务公开工作，现将2017年度有关情况报告如下。",
    "根据信政服〔2017〕12号文件精神，中心共受理各类行政审批服务事项9888件，办结率100%，"
    "收取行政事业性收费1234567.89元，全部缴入财政专户。",
    "咨询电话：0376-6221234，监督投诉电话：0376-6221235，政务服务便民热线12345，"
    "办公时间为工作日上午9:00至12:00、下午13:00至17:00（2017年12月31日起执行）。",
    "中心党组书记任组长，主任、副主任任副组长，各科室负责人为成员，领导小组下设办公室，"
    "负责日常工作。网络科负责信息网络的更新维护和向信阳行政服务网提供信息报送工作。",
    "凡未经过分管领导审核批准的信息不得向外发布，依法保守国家秘密，不公开涉及商业秘密、个人隐私的信息。",
    "公共资源交易平台全年发布招投标信息3076条，项目编号XYZC-2017-0123至XYZC-2017-3198，"
    "交易金额共计35.6亿元，节约资金1.2亿元。",
)


def realistic_body(characters: int = 5000) -> str:
    rnd = random.Random(6)
    paragraphs, length = [], 0
    while length < characters:
        text = rnd.choice(PARAGRAPHS)
        if rnd.random() < 0.05:
            text += f"联系人：张先生，手机13{rnd.randint(0, 999999999):09d}。"
        paragraphs.append(f"<p>{text}</p>")
        length += len(text) + 1
    return "".join(paragraphs)


def generated_words(count: int) -> list[SensitiveEntry]:
    """Two to four common characters each, so that many words start with characters
    that occur in the body and the automaton really has to step."""
    rnd = random.Random(7)
    common = "".join(sorted(set("".join(PARAGRAPHS)) - set("，。、：；（）《》0123456789%.-")))
    return [SensitiveEntry("".join(rnd.choice(common) for _ in range(rnd.randint(2, 4))))
            for _ in range(count)]


def median_ms(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_body() -> None:
    html = realistic_body()
    text = richtext.to_text(html)
    digits = re.compile(r"\d+")
    contexts = {
        "shipped word lists": CheckContext.with_default_lists(),
        "+1,000 generated words": CheckContext.build(
            load_default_sensitive() + generated_words(1000),
            load_default_confusion()),
    }
    floor_text = median_ms(lambda: richtext.to_text(html), 50)
    floor_regex = median_ms(lambda: digits.findall(text), 50)
    print(f"Body of {len(text)} characters (median of 50 runs):")
    print(f"  floor (a) richtext.to_text only ........ {floor_text:7.2f} ms")
    print(f"  floor (b) one regex scan of the text ... {floor_regex:7.2f} ms")
    for name, context in contexts.items():
        checked = median_ms(lambda: check_text(richtext.to_text(html), "body", context), 50)
        print(f"  to_text + check_text, {name:<22} {checked:7.2f} ms  (goal ≤ 20 ms)"
              f"  = {checked / floor_text:.1f}x floor (a), {checked / floor_regex:.0f}x floor (b)")


def write_roster(path: Path, rows: int) -> None:
    from openpyxl import Workbook
    rnd = random.Random(10)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["序号", "姓名", "身份证号", "手机号", "住址", "备注"])
    for number in range(1, rows + 1):
        born = date(1940, 1, 1) + timedelta(days=rnd.randint(0, 25000))
        first17 = f"4115{rnd.randint(1, 30):02d}{born:%Y%m%d}{rnd.randint(0, 999):03d}"
        sheet.append([number, "张" + chr(0x4E00 + rnd.randint(0, 5000)), first17 + check_char(first17),
                      f"13{rnd.randint(0, 999999999):09d}", f"信阳市浉河区新华路{rnd.randint(1, 300)}号",
                      rnd.choice(["低保户", "五保户", "", "残疾人家庭"])])
    book.save(path)


def openpyxl_read(path: Path) -> int:
    from openpyxl import load_workbook
    book = load_workbook(path, read_only=True)
    count = sum(1 for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                for value in row if value is not None)
    book.close()
    return count


def bench_roster(rows: int = 10_000) -> None:
    context = CheckContext.with_default_lists()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.xlsx"
        write_roster(path, rows)
        openpyxl_read(path)                      # warm the imports
        floor_extract = median_ms(lambda: extract_chunks(path), 3) / 1000
        floor_openpyxl = median_ms(lambda: openpyxl_read(path), 3) / 1000
        checked = median_ms(lambda: check_attachment(path, None, context), 3) / 1000
        findings = len(check_attachment(path, None, context))
    print(f"\nRoster .xlsx of {rows:,} rows × 6 columns, {findings:,} findings (median of 3 runs):")
    print(f"  floor (a) db.extract.extract_chunks only .... {floor_extract:6.2f} s")
    print(f"  floor (b) openpyxl read-only, every cell .... {floor_openpyxl:6.2f} s")
    print(f"  check_attachment ............................ {checked:6.2f} s  (goal ≤ 3 s)"
          f"  = {checked / floor_extract:.1f}x floor (a), {checked / floor_openpyxl:.1f}x floor (b)")


def open_bench_profile(folder: Path):
    from db import reference
    from db.database import Profile, open_profile
    profile = open_profile(Profile(folder / "profile"), create=True)
    reference.install_topics()
    reference.install_structure()
    reference.install_users("gongkai123")
    return profile


def bench_profile(rows: int = 10_000) -> None:
    from db import attachments, content, items
    from db.checks import lists, service
    from db.database import database
    from db.models import Attachment, Column, User
    with tempfile.TemporaryDirectory() as folder:
        profile = open_bench_profile(Path(folder))
        admin, drafter = User.get(User.username == "admin"), User.get(User.username == "liuyang")
        for word in sorted({entry.word for entry in generated_words(1000)} - {r.word for r in lists.sensitive_rows()}):
            lists.save_sensitive(admin, word)
        floor_stamp = median_ms(lambda: database.execute_sql(
            'SELECT "stamp" FROM "word_list_stamp" WHERE "id" = 1').fetchone(), 200)
        service.context_for_profile()
        cached = median_ms(service.context_for_profile, 200)

        def after_an_edit():
            database.execute_sql("UPDATE sensitive_word SET note = note || '' WHERE rowid = 1")
            service.context_for_profile()
        rebuilt = median_ms(after_an_edit, 10)
        print(f"\nProfile word lists ({len(lists.sensitive_rows()):,} sensitive words; median):")
        print(f"  floor: SELECT of the lists' stamp ........... {floor_stamp:7.3f} ms")
        print(f"  context_for_profile(), lists unchanged ...... {cached:7.3f} ms  = {cached / floor_stamp:.0f}x floor")
        print(f"  context_for_profile() after an edit ......... {rebuilt:7.2f} ms  "
              f"(rebuild = {rebuilt / cached:.0f}x the cached call)")

        item = items.create_item(drafter, Column.get(Column.code == "gzdt"), {
            "title": "关于调整窗口办公时间的通知", "body_html": realistic_body(),
            "publisher": "信阳市行政服务中心", "topic": "0101", "written_on": "2017-03-15",
            "summary": "调整窗口办公时间。"})
        floor_content = median_ms(lambda: content.item_content(item, Attachment.current_of(item)), 50)
        whole = median_ms(lambda: service.checked(item), 50)
        print(f"\nSubmission's check of a {len(item.body_text):,}-character item, no attachment (median of 50):")
        print(f"  floor: content.item_content ................. {floor_content:7.2f} ms")
        print(f"  service.checked (all rules, overrides) ...... {whole:7.2f} ms  = {whole / floor_content:.1f}x floor")

        roster = Path(folder) / "roster.xlsx"
        write_roster(roster, rows)
        attachments.add_attachment(profile, drafter, item, roster)
        frozen = {"attachments": [{"sha256": a.sha256, "filename": a.filename} for a in Attachment.current_of(item)]}
        start = time.perf_counter()
        service.findings_for_attachments(frozen)
        first = time.perf_counter() - start
        again = median_ms(lambda: service.findings_for_attachments(frozen), 20)
        print(f"\nThe roster attached ({rows:,} rows): findings_for_attachments")
        print(f"  first time .................................. {first:7.2f} s")
        print(f"  asked again (cached answer) ................. {again:7.3f} ms  = {first * 1000 / again:,.0f}x faster")


if __name__ == "__main__":
    bench_body()
    bench_roster()
    bench_profile()
