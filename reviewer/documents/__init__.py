"""Document readers: every format becomes the same `Document` (plain Python, no Qt)."""
from __future__ import annotations

from reviewer.documents.base import Document, DocumentError, read_document

__all__ = ["Document", "DocumentError", "read_document"]
