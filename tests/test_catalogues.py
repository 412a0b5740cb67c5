"""The English catalogue is complete and keeps every placeholder of the Vietnamese text."""

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}|%[sd]")


def test_english_catalogue_is_complete_and_consistent():
    catalogue = polib.pofile(str(ROOT / "locale/en/LC_MESSAGES/django.po"))
    problems = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {entry.msgid[:60]}")
            continue
        translations = (
            [entry.msgstr]
            if not entry.msgid_plural
            else list(entry.msgstr_plural.values())
        )
        for text in translations:
            if not text:
                problems.append(f"empty: {entry.msgid[:60]}")
            elif sorted(PLACEHOLDER.findall(text)) != sorted(
                PLACEHOLDER.findall(entry.msgid)
            ):
                problems.append(f"placeholders differ: {entry.msgid[:60]}")
    assert problems == []


def test_compiled_catalogue_is_fresh():
    po = ROOT / "locale/en/LC_MESSAGES/django.po"
    mo = ROOT / "locale/en/LC_MESSAGES/django.mo"
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime - 1
