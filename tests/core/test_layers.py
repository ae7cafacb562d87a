"""`core` is the floor every stage stands on: it imports no app of Lokomp's. A core page that
shows a stage's work (the start page) reads it from a registry the stages fill."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "lokomp" / "core"
APPS = {
    "accounts",
    "registry",
    "partnerships",
    "plans",
    "needs",
    "allocation",
    "participation",
    "evaluation",
    "reports",
    "demo",
}


def _imported(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_core_imports_no_app():
    upward = {
        f"{path.relative_to(CORE)}: {module}"
        for path in CORE.rglob("*.py")
        if "migrations" not in path.parts
        for module in _imported(path)
        if module.startswith("lokomp.") and module.split(".")[1] in APPS
    }
    assert upward == set()
