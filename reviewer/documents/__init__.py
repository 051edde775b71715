"""Document readers: every format becomes the same `Document` (plain Python, no Qt)."""

from __future__ import annotations

from reviewer.documents.base import Document, DocumentError, DocumentMissing, file_sha256, read_document

__all__ = ["Document", "DocumentError", "DocumentMissing", "file_sha256", "read_document"]
