"""Alembic's migrations of the project schema (reviewer/store/tables.py), run from the code by
reviewer.store.upgrade: no alembic.ini at run time. Revision ids are the schema versions."""
