"""Exporters: .xlsx, .csv and .json writers (plain Python, pandas + openpyxl)."""
