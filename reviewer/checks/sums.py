"""Rules of the checks (filled in by issue 14's work)."""

from __future__ import annotations

DOCUMENT_RULES: dict = {}
PROJECT_RULES: dict = {}
