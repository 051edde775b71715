"""figure-reviewer: find, review and export the figures in Chinese reports."""

__version__ = "0.1.0"
