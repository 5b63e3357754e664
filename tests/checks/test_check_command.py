"""`python main.py check FILE... [--json]` as a user runs it: through main.py."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.checks.checks_helpers import make_id

ROOT = Path(__file__).resolve().parents[2]


def main_py(*args, **kwargs):
    return subprocess.run([sys.executable, "main.py", "check", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, **kwargs)


def test_check_prints_findings_and_exits_1_on_blocking(tmp_path):
    leaky = tmp_path / "名单.txt"
    leaky.write_text(f"张三 {make_id()}\n", encoding="utf-8")
    done = main_py(leaky)
    assert done.returncode == 1 and "[阻断] 第1行  身份证号码属于个人信息" in done.stdout
    document = json.loads(main_py(leaky, "--json").stdout)
    assert document["blocking"] is True and document["files"][0]["findings"][0]["rule"] == "id_number"


def test_check_with_a_profile_uses_its_word_lists(profile, tmp_path):
    from db.checks import lists
    from tests.helpers import user
    lists.save_sensitive(user("admin"), "推进会", "blocking")
    note = tmp_path / "通知.txt"
    note.write_text("中心召开推进会。\n", encoding="utf-8")
    assert main_py(note).returncode == 0
    with_lists = main_py(note, "--profile", profile.root)
    assert with_lists.returncode == 1 and "推进会" in with_lists.stdout


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    roster = tmp_path / "roster.txt"
    roster.write_text("\n".join(f"职工{n} 电话138{n:08d}" for n in range(3000)), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "main.py", "check", str(roster)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = process.stdout.readline()
    process.stdout.close()                  # like `| head -1`: far more output than a pipe holds
    status = process.wait(timeout=60)
    assert first.startswith("== ") and status == 1
    assert process.stderr.read() == ""
