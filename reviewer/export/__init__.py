"""Exporters: the curated dataset as .xlsx, .csv and .json (plain Python, openpyxl)."""

from reviewer.export.dataset import APPROVED, ExportOptions
from reviewer.export.writers import ExportCancelled, ExportError, export

__all__ = ["APPROVED", "ExportCancelled", "ExportError", "ExportOptions", "export"]
