"""The one-way rule: db/ knows nothing of Qt or reportlab; printed forms know nothing of Qt."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", python_files("db"), ids=lambda p: str(p.relative_to(ROOT)))
def test_db_imports_no_qt_and_no_reportlab(path):
    forbidden = imported_modules(path) & {"PyQt6", "reportlab", "desktop", "forms"}
    assert not forbidden, f"{path.name} imports {forbidden}"


def printed_form_modules() -> list[Path]:
    """Everything in forms/ except the Designer forms (forms/ui), which are Qt by nature."""
    return [p for p in python_files("forms") if "ui" not in p.relative_to(ROOT / "forms").parts[:1]]


@pytest.mark.parametrize("path", printed_form_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_printed_forms_import_no_qt(path):
    assert "PyQt6" not in imported_modules(path), f"{path.name} imports PyQt6"


def test_importing_every_db_module_does_not_load_qt():
    import subprocess
    import sys
    code = ("import pkgutil, importlib, sys, db\n"
            "for m in pkgutil.walk_packages(db.__path__, 'db.'):\n"
            "    importlib.import_module(m.name)\n"
            "print(sorted(n for n in sys.modules if n.split('.')[0] in ('PyQt6', 'reportlab')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
