"""A schema as introspection sees it, the same shape on SQLite and PostgreSQL: compared, not shown."""

import re

from sqlalchemy import inspect

VERSION_TABLE = "alembic_version"

# storage classes, so that SQLite's REAL and PostgreSQL's DOUBLE PRECISION (both 8-byte floats) compare
AFFINITY = {"INTEGER": "integer", "BIGINT": "integer", "TEXT": "text", "REAL": "real", "DOUBLE PRECISION": "real",
            "DOUBLE": "real"}


def affinity(type_) -> str:
    return AFFINITY[str(type_).upper()]


def default(text, primary_key: bool):
    if text is None or primary_key:  # a key's default is its sequence on PostgreSQL, the rowid on SQLite
        return None
    text = re.sub(r"::[a-z ]+$", "", str(text))  # PostgreSQL: '[]'::text
    text = text.strip("()")
    return float(text) if re.fullmatch(r"[0-9.]+", text) and "." in text else text


def described(connection, schema=None) -> dict:
    found = inspect(connection)
    tables = {}
    for name in sorted(set(found.get_table_names(schema=schema)) - {VERSION_TABLE}):
        key = set(found.get_pk_constraint(name, schema=schema)["constrained_columns"])
        tables[name] = {
            # a key is never NULL (SQLite lets a TEXT PRIMARY KEY without NOT NULL hold one, a bug it keeps)
            "columns": [(c["name"], affinity(c["type"]), c["nullable"] and c["name"] not in key,
                         default(c.get("default"), c["name"] in key)) for c in found.get_columns(name, schema=schema)],
            "primary key": sorted(key),
            "foreign keys": _foreign_keys(connection, found, name, schema),
            "indexes": sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]), _where(i))
                              for i in found.get_indexes(name, schema=schema)),
            "unique": sorted(tuple(u["column_names"]) for u in found.get_unique_constraints(name, schema=schema)),
        }
    return tables


def _where(index) -> str | None:
    options = index.get("dialect_options", {})
    where = options.get("postgresql_where") or options.get("sqlite_where")
    return re.sub(r"[()\s]", "", str(where)) if where is not None else None


def _foreign_keys(connection, found, table, schema):
    if connection.dialect.name == "sqlite":
        # SQLAlchemy reads no ON DELETE of a column's own REFERENCES on SQLite: SQLite's pragma does
        rows = connection.exec_driver_sql(f"PRAGMA foreign_key_list({table})").fetchall()
        keys = [((row[3],), row[2], (row[4],), row[6]) for row in rows]
    else:
        keys = [(tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]),
                 (f.get("options") or {}).get("ondelete")) for f in found.get_foreign_keys(table, schema=schema)]
    return sorted((*key[:3], None if key[3] in (None, "NO ACTION") else key[3].upper()) for key in keys)
