"""Alembic's environment: always given a connection by reviewer.store.upgrade (online only)."""

from alembic import context

from reviewer.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite changes a table by copying it: Alembic's batch mode does that
    render_as_batch=connection.dialect.name == "sqlite",
    version_table_schema=context.config.attributes.get("schema"),
)
with context.begin_transaction():
    context.run_migrations()
