"""``python main.py check FILE... [--json]``: check files the way attachments are checked.

Exit status: 0 nothing blocking, 1 something blocking, 2 unusable arguments.
main.py calls add_arguments() on its ``check`` subparser and run() with the result.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from db.checks.engine import CheckContext
from db.checks.findings import BLOCKING, Finding

EXIT_CLEAN, EXIT_BLOCKING, EXIT_USAGE = 0, 1, 2
_SEVERITY_LABEL = {BLOCKING: "阻断", "warning": "提示"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="要检查的文件（.txt .csv .html .docx .xlsx .pdf）")
    parser.add_argument("--json", action="store_true", help="以JSON格式输出检查结果")


def run(paths: list[str], as_json: bool = False, out: TextIO | None = None,
        err: TextIO | None = None, context: CheckContext | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    status, results = check_files(paths, context, err)
    if results is not None:
        report(results, as_json, out)
    return status


Results = list[tuple[str, list[Finding]]]


def check_files(paths: list[str], context: CheckContext | None = None,
                err: TextIO | None = None) -> tuple[int, Results | None]:
    """(exit status, findings per file); the findings are None when the arguments are
    unusable (the reasons went to ``err``)."""
    problems = _unusable(paths)
    if problems:
        for problem in problems:
            print(problem, file=err or sys.stderr)
        return EXIT_USAGE, None
    from db.extract import check_attachment      # pulls in the XML readers only when needed
    context = context or CheckContext.with_default_lists()
    results = [(path, check_attachment(path, Path(path).name, context)) for path in paths]
    blocking = any(f.severity == BLOCKING for _, findings in results for f in findings)
    return (EXIT_BLOCKING if blocking else EXIT_CLEAN), results


def report(results: Results, as_json: bool, out: TextIO) -> None:
    if as_json:
        _print_json(results, out)
    else:
        for path, findings in results:
            _print_human(path, findings, out)


def _unusable(paths: list[str]) -> list[str]:
    if not paths:
        return ["请指定要检查的文件"]
    problems = []
    for path in paths:
        if not Path(path).exists():
            problems.append(f"找不到文件：{path}")
        elif not Path(path).is_file():
            problems.append(f"不是文件：{path}")
    return problems


def _print_human(path: str, findings: list[Finding], out: TextIO) -> None:
    print(f"== {path} ==", file=out)
    for f in findings:
        where = f"{f.location}  " if f.location else ""
        excerpt = f"：“{f.excerpt}”" if f.excerpt and f.excerpt not in f.message else ""
        fix = f" → 建议：{f.suggestion}" if f.suggestion else ""
        print(f"[{_SEVERITY_LABEL[f.severity]}] {where}{f.message}{excerpt}{fix}", file=out)
    blocking = sum(1 for f in findings if f.severity == BLOCKING)
    if findings:
        print(f"共{len(findings)}项：阻断{blocking}项，提示{len(findings) - blocking}项", file=out)
    else:
        print("未发现问题", file=out)


def _print_json(results: list[tuple[str, list[Finding]]], out: TextIO) -> None:
    files = [{"path": path, "findings": [f.to_dict() for f in findings],
              "blocking": sum(1 for f in findings if f.severity == BLOCKING)}
             for path, findings in results]
    document = {"files": files, "blocking": any(entry["blocking"] for entry in files)}
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check", description="发布前检查：个人信息、密级标志、敏感词等")
    add_arguments(parser)
    args = parser.parse_args(argv)
    return run(args.files, args.json)


if __name__ == "__main__":
    sys.exit(main())
