"""Counts in messages with correct plurals: each form is its own tr() string (Chinese has one
form, English two), so '1 documents imported' never appears."""
from __future__ import annotations


def count_text(count: int, one: str, many: str) -> str:
    """`one` for 1, `many` (with %1 for the number) otherwise: '1 document', '3 documents'."""
    return one if count == 1 else many.replace("%1", str(count))
