"""Find every translatable source string of the interface and check the English catalogue.

    python scripts/i18n_extract.py                 # list strings without an English translation
    python scripts/i18n_extract.py --write FILE    # add them to FILE (a .ts) as unfinished entries

Sources, read without importing anything:
* desktop/**/*.py — `QCoreApplication.translate("Ctx", "…")`, calls of a module's helper
  whose body is `return QCoreApplication.translate("Ctx", text)` (the `tr()` pattern),
  `QT_TRANSLATE_NOOP("Ctx", "…")` markers on constant tables, `self.tr("…")` (the class's
  name is the context) and PageSpec titles (context "MainWindow");
* forms/ui/*.ui — every <string> not marked notr, in the context of the form's <class>.

The catalogue is resources/i18n/gongkai_en.ts plus resources/i18n/parts/*.ts.
"""
from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
Message = tuple[str, str]      # (context, source)


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _translate_context(node: ast.AST) -> str | None:
    """The constant context of a `translate("Ctx", …)` call, else None."""
    if isinstance(node, ast.Call) and _called_name(node) == "translate" and node.args:
        return _literal(node.args[0])
    return None


def helper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module-level functions that just return translate("Ctx", their argument)."""
    helpers = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.body:
            last = node.body[-1]
            context = _translate_context(last.value) if isinstance(last, ast.Return) else None
            if context:
                helpers[node.name] = context
    return helpers


class _Collector(ast.NodeVisitor):
    def __init__(self, helpers: dict[str, str]):
        self.helpers, self.found, self.classes = helpers, set(), []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = _called_name(node)
        args = [_literal(a) for a in node.args[:2]]
        if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) == 2 and None not in args:
            self.found.add((args[0], args[1]))
        elif isinstance(node.func, ast.Name) and name in self.helpers and args and args[0] is not None:
            self.found.add((self.helpers[name], args[0]))
        elif name == "tr" and isinstance(node.func, ast.Attribute) and self.classes and args and args[0]:
            self.found.add((self.classes[-1], args[0]))
        elif name == "PageSpec" and len(node.args) >= 2 and _literal(node.args[1]):
            self.found.add(("MainWindow", _literal(node.args[1])))
        self.generic_visit(node)


def python_messages(path: Path) -> set[Message]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    collector = _Collector(helper_contexts(tree))
    collector.visit(tree)
    return collector.found


def ui_messages(path: Path) -> set[Message]:
    root = ET.parse(path).getroot()
    context = root.findtext("class") or path.stem
    return {(context, s.text) for s in root.iter("string") if s.text and s.get("notr") != "true"}


def source_messages(root: Path = ROOT) -> dict[Message, str]:
    """Every translatable string → the file it was found in."""
    found: dict[Message, str] = {}
    for path in sorted((root / "desktop").rglob("*.py")):
        for message in python_messages(path):
            found.setdefault(message, str(path.relative_to(root)))
    for path in sorted((root / "forms" / "ui").glob("*.ui")):
        for message in ui_messages(path):
            found.setdefault(message, str(path.relative_to(root)))
    return found


def missing_translations(root: Path = ROOT) -> dict[Message, str]:
    sys.path.insert(0, str(root))
    from desktop.i18n import english_messages
    catalogue = english_messages()
    return {m: where for m, where in source_messages(root).items() if not catalogue.get(m)}


def write_unfinished(target: Path, messages: list[Message]) -> None:
    """Add messages to a .ts file as unfinished entries, grouped by context."""
    if target.exists():
        tree = ET.parse(target)
    else:
        tree = ET.ElementTree(ET.Element("TS", {"version": "2.1", "language": "en"}))
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for context_name, source in sorted(messages):
        context = contexts.get(context_name)
        if context is None:
            context = contexts[context_name] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = context_name
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", {"type": "unfinished"})
    ET.indent(tree)
    tree.write(target, encoding="utf-8", xml_declaration=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="add the missing strings to this .ts file")
    args = parser.parse_args()
    missing = missing_translations()
    for (context, source), where in sorted(missing.items(), key=lambda kv: (kv[1], kv[0])):
        print(f"{where}: [{context}] {source}")
    if args.write and missing:
        write_unfinished(args.write, list(missing))
    print(f"{len(missing)} string(s) without an English translation", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
