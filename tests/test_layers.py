"""Dependency direction orgs ← councils ← clusters ← awards ← reports: no app imports upwards."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["orgs", "councils", "clusters", "awards", "reports"]


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_app_imports_a_higher_layer():
    violations = []
    for index, app in enumerate(LAYERS):
        higher = set(LAYERS[index + 1 :])
        for path in (ROOT / app).rglob("*.py"):
            bad = imported_apps(path) & higher
            if bad:
                violations.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert violations == []


def test_the_check_can_see_an_upward_import(tmp_path):
    module = tmp_path / "x.py"
    module.write_text("from awards.models import Decision\n")
    assert "awards" in imported_apps(module)
