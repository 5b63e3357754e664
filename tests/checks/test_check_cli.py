"""``check FILE... [--json]``: findings per file, exit 1 on anything blocking, 2 on bad input."""
from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from db.checks import cli
from tests.checks.checks_helpers import make_id

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def leaky(tmp_path):
    path = tmp_path / "名单.txt"
    path.write_text(f"张三 {make_id()}\n请注意保存回执\n", encoding="utf-8")
    return path


@pytest.fixture
def clean(tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text("自12月1日起调整办公时间。\n咨询电话0376-6221234\n", encoding="utf-8")
    return path


def run(paths, as_json=False):
    out, err = io.StringIO(), io.StringIO()
    status = cli.run([str(p) for p in paths], as_json, out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_blocking_finding_exits_1_and_prints_chinese(leaky):
    status, out, _ = run([leaky])
    assert status == 1
    assert "[阻断] 第1行  身份证号码属于个人信息" in out
    assert "4115**********1233" in out and "[提示] 第2行" in out
    assert "共2项：阻断1项，提示1项" in out


def test_clean_file_exits_0(clean):
    status, out, _ = run([clean])
    assert (status, out.splitlines()[-1]) == (0, "未发现问题")


def test_warnings_alone_exit_0(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("本材料为内部资料", encoding="utf-8")
    assert run([path])[0] == 0


def test_json_lists_findings_per_file(leaky, clean):
    status, out, _ = run([leaky, clean], as_json=True)
    document = json.loads(out)
    assert status == 1 and document["blocking"] is True
    first, second = document["files"]
    assert [f["rule"] for f in first["findings"]] == ["id_number", "internal_word"]
    assert first["findings"][0]["location"] == "第1行" and first["blocking"] == 1
    assert second == {"path": str(clean), "findings": [], "blocking": 0}


@pytest.mark.parametrize("paths", [[], ["/no/such/file.txt"], ["."]])
def test_unusable_arguments_exit_2_with_a_message(paths):
    status, out, err = run(paths)
    assert status == 2 and out == "" and err.strip() and "Traceback" not in err


def test_unreadable_file_is_reported_not_raised(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"garbage")
    status, out, _ = run([path])
    assert status == 0 and "附件“x.pdf”未能检查" in out


def test_add_arguments_gives_files_and_json():
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    args = parser.parse_args(["a.txt", "b.xlsx", "--json"])
    assert (args.files, args.json) == (["a.txt", "b.xlsx"], True)


def test_module_runs_as_a_program(leaky):
    done = subprocess.run([sys.executable, "-m", "db.checks.cli", str(leaky)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 1 and "身份证号码" in done.stdout
