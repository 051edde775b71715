"""Schema v6, the first revision: what reviewer/store/schema.py makes of a new SQLite project.

Revision ID: 0006 (the schema version; later revisions go on from 0007)
Revises: nothing (a project older than v6 is SQLite's, migrated by schema.py before it is moved)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("doc_date", sa.Text(), nullable=True),
        sa.Column("format", sa.Text(), nullable=False),
        sa.Column("encoding", sa.Text(), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("page_starts", sa.Text(), server_default=sa.text("'[]'"), nullable=False),
        sa.Column("imported_at", sa.Text(), nullable=False),
        sa.Column("source_changed", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("article", sa.Integer(), nullable=True),
        sa.Column("tables", sa.Text(), nullable=True),
        sa.Column("reporting_start", sa.Text(), nullable=True),
        sa.Column("reporting_end", sa.Text(), nullable=True),
        sa.Column("reporting_text", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("documents_by_source", ["source", "article"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("figure_id", sa.Integer(), nullable=True),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("reverts", sa.Integer(), nullable=True),
        sa.Column("command", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("events_by_command", ["command"], unique=False)
        batch_op.create_index("events_by_figure", ["figure_id"], unique=False)

    op.create_table(
        "finding_decisions",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("severity", sa.Text(), nullable=True),
        sa.Column("document", sa.Text(), nullable=True),
        sa.Column("figures", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.Text(), nullable=True),
        sa.Column("at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "reference_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.Text(), nullable=False),
        sa.Column("period", sa.Text(), nullable=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("reference_rows", schema=None) as batch_op:
        batch_op.create_index("reference_rows_by_file", ["file", "line"], unique=False)

    op.create_table(
        "figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("value_high", sa.Text(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("approx", sa.Text(), nullable=True),
        sa.Column("indicator", sa.Text(), nullable=True),
        sa.Column("change", sa.Text(), nullable=True),
        sa.Column("period", sa.Text(), nullable=True),
        sa.Column(
            "confidence", sa.Double().with_variant(sa.REAL(), "sqlite"), server_default=sa.text("(1.0)"), nullable=False
        ),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("engine_version", sa.Text(), nullable=False),
        sa.Column("manual", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("status", sa.Text(), server_default=sa.text("'pending'"), nullable=False),
        sa.Column("corrected_value", sa.Text(), nullable=True),
        sa.Column("corrected_unit", sa.Text(), nullable=True),
        sa.Column("corrected_kind", sa.Text(), nullable=True),
        sa.Column("corrected_indicator", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.Text(), nullable=True),
        sa.Column("orphaned", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("removed", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("table_caption", sa.Text(), nullable=True),
        sa.Column("row_label", sa.Text(), nullable=True),
        sa.Column("column_label", sa.Text(), nullable=True),
        sa.Column("unit_source", sa.Text(), nullable=True),
        sa.Column("period_start", sa.Text(), nullable=True),
        sa.Column("period_end", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.create_index("figures_by_document", ["document_id", "start"], unique=False)
        batch_op.create_index("figures_by_status", ["document_id", "status"], unique=False)
        batch_op.create_index(
            "figures_orphaned",
            ["orphaned"],
            unique=False,
            sqlite_where=sa.text("orphaned = 1"),
            postgresql_where=sa.text("orphaned = 1"),
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_index(
            "figures_orphaned", sqlite_where=sa.text("orphaned = 1"), postgresql_where=sa.text("orphaned = 1")
        )
        batch_op.drop_index("figures_by_status")
        batch_op.drop_index("figures_by_document")

    op.drop_table("figures")
    with op.batch_alter_table("reference_rows", schema=None) as batch_op:
        batch_op.drop_index("reference_rows_by_file")

    op.drop_table("reference_rows")
    op.drop_table("meta")
    op.drop_table("finding_decisions")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("events_by_figure")
        batch_op.drop_index("events_by_command")

    op.drop_table("events")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("documents_by_source")

    op.drop_table("documents")
