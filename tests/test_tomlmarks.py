"""Locating the keys of a TOML text that tomllib has read."""

from __future__ import annotations

import tomllib

from factcheck.tomlmarks import key_locations

TEXT = '''\
# a comment with [brackets] and key = "value"
[project]
name = "x = [y]"
dependencies = [
    "typer>=0.12",  # a comment, then a closing bracket ]
    'rich',
]
description = """
[not.a.table]
not_a_key = 1
"""

[tool.factcheck]
rounding = 'half-up'
rules.FC101.level = "warning"
"rules".'FC002' = { level = "warning", ignore-case = true, nested = { deep = [1, 2] } }

[[tool.other]]
x = 1
'''


def test_every_key_and_array_item_is_located_by_its_full_path():
    tomllib.loads(TEXT)
    marks = {path: (m.line, m.column) for path, m in key_locations(TEXT, "p.toml").items()}
    assert marks[("project",)] == (2, 2)
    assert marks[("project", "name")] == (3, 1)
    assert marks[("project", "dependencies", 0)] == (5, 5)
    assert marks[("project", "dependencies", 1)] == (6, 5)
    assert ("not", "a", "table") not in marks
    assert ("project", "not_a_key") not in marks
    assert marks[("tool", "factcheck")] == (13, 7)
    assert marks[("tool", "factcheck", "rounding")] == (14, 1)
    assert marks[("tool", "factcheck", "rules", "FC101", "level")] == (15, 13)
    assert marks[("tool", "factcheck", "rules", "FC002")] == (16, 9)
    assert marks[("tool", "factcheck", "rules", "FC002", "ignore-case")] == (16, 40)
    assert marks[("tool", "factcheck", "rules", "FC002", "nested", "deep", 1)] == (16, 82)
    assert marks[("tool", "other", "x")] == (19, 1)


def test_locations_carry_the_file_name():
    [location] = key_locations("a = 1\n", "pyproject.toml").values()
    assert str(location) == "pyproject.toml:1:1"
