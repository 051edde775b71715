"""Schema v7: each reviewer's decisions in rows of their own; assignments and leases of documents;
the log and the decisions append-only for everyone (a trigger, so the tables' owner too).

A figure's review columns stay its final decision (what the Approved sheet exports); on a server a
figure whose needed reviewers all gave the same version is settled by the database itself.
The decisions already made are carried over from the log: each reviewer's standing decision.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = ("events", "decisions")

SQLITE_REFUSE = """
CREATE TRIGGER {table}_append_only_{what} BEFORE {verb} ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only: rows are added, never changed or deleted'); END
"""

POSTGRESQL_FUNCTIONS = [
    """
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: rows are added, never changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$
""",
    # every committed event tells the project's listeners (the windows) what changed
    """
CREATE FUNCTION announce_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_TABLE_SCHEMA, json_build_object('event', NEW.id, 'action', NEW.action,
        'document', NEW.document_id, 'figure', NEW.figure_id, 'reviewer', NEW.reviewer)::text);
    RETURN NULL;
END $$
""",
    # a figure whose needed reviewers all gave one version is settled with it; one they no longer
    # agree on goes back to pending; what an adjudicator settled stays. The figure's row is locked
    # first, so two reviewers deciding it at once are counted one after the other, never both unseen.
    """
CREATE FUNCTION settle_by_agreement() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
DECLARE
    fig record;
    needed integer;
    standing record;
    first record;
    decided integer := 0;
    same boolean := true;
    names text;
BEGIN
    SELECT id, document_id, settled INTO fig FROM figures WHERE id = NEW.figure_id FOR UPDATE;
    IF NOT FOUND OR fig.settled = 'adjudicated' THEN
        RETURN NULL;
    END IF;
    SELECT reviewers_needed INTO needed FROM documents WHERE id = fig.document_id;
    FOR standing IN
        SELECT DISTINCT ON (reviewer) * FROM decisions
        WHERE figure_id = NEW.figure_id AND reviewer IS NOT NULL ORDER BY reviewer, id DESC
    LOOP
        CONTINUE WHEN standing.status = 'pending';
        decided := decided + 1;
        names := concat_ws(', ', names, standing.reviewer);
        IF decided = 1 THEN
            first := standing;
        ELSIF standing.status <> first.status OR (standing.status = 'corrected' AND
                (standing.corrected_value, standing.corrected_unit, standing.corrected_kind,
                 standing.corrected_indicator) IS DISTINCT FROM
                (first.corrected_value, first.corrected_unit, first.corrected_kind,
                 first.corrected_indicator)) THEN
            same := false;
        END IF;
    END LOOP;
    IF decided >= needed AND same THEN
        UPDATE figures SET status = first.status,
            corrected_value = CASE WHEN first.status = 'corrected' THEN first.corrected_value END,
            corrected_unit = CASE WHEN first.status = 'corrected' THEN first.corrected_unit END,
            corrected_kind = CASE WHEN first.status = 'corrected' THEN first.corrected_kind END,
            corrected_indicator = CASE WHEN first.status = 'corrected' THEN first.corrected_indicator END,
            reviewer = names, decided_at = NEW.at, settled = 'agreed'
        WHERE id = fig.id;
    ELSIF fig.settled = 'agreed' THEN
        UPDATE figures SET status = 'pending', corrected_value = NULL, corrected_unit = NULL,
            corrected_kind = NULL, corrected_indicator = NULL, reviewer = NULL, decided_at = NULL,
            settled = NULL
        WHERE id = fig.id;
    END IF;
    RETURN NULL;
END $$
""",
    """
CREATE TRIGGER decisions_settle AFTER INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION settle_by_agreement()
""",
    "CREATE TRIGGER events_announce AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION announce_event()",
    # a document taken or given back (not a lease renewed: its holder stays) tells the windows too
    """
CREATE FUNCTION announce_lease() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    lease record;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.reviewer = OLD.reviewer THEN
        RETURN NULL;
    END IF;
    lease := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    PERFORM pg_notify(TG_TABLE_SCHEMA, json_build_object('event', NULL, 'action', 'lease',
        'document', lease.document_id, 'figure', NULL, 'reviewer', lease.reviewer)::text);
    RETURN NULL;
END $$
""",
    "CREATE TRIGGER leases_announce AFTER INSERT OR UPDATE OR DELETE ON leases FOR EACH ROW "
    "EXECUTE FUNCTION announce_lease()",
    # how far each reviewer is, for everyone to see, while the decisions themselves stay private
    # (a view reads its tables with its owner's rights): how many figures each decided, and how
    # (confirmed, corrected, rejected) to each person for their own only, or review is not blind
    """
CREATE VIEW reviewer_progress AS
SELECT s.reviewer, CASE WHEN s.reviewer = current_user THEN s.status ELSE 'decided' END AS status,
       COUNT(*) AS n
FROM (SELECT DISTINCT ON (figure_id, reviewer) figure_id, reviewer, status FROM decisions
      WHERE reviewer IS NOT NULL ORDER BY figure_id, reviewer, id DESC) s
JOIN figures f ON f.id = s.figure_id
WHERE f.removed = 0 AND s.status <> 'pending'
GROUP BY 1, 2
""",
    # how many decisions each made in all (changed minds count too), for everyone to see
    """
CREATE VIEW reviewer_activity AS
SELECT reviewer, COUNT(*) AS n FROM decisions WHERE reviewer IS NOT NULL GROUP BY reviewer
""",
]


def upgrade() -> None:
    # plain ADD COLUMN on both engines: batch mode would copy the table, and dropping the old
    # documents table on SQLite deletes every figure through the foreign key's cascade
    op.add_column("documents", sa.Column("reviewers_needed", sa.Integer(), server_default=sa.text("1"), nullable=False))
    op.add_column("figures", sa.Column("settled", sa.Text(), nullable=True))
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("figure_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("corrected_value", sa.Text(), nullable=True),
        sa.Column("corrected_unit", sa.Text(), nullable=True),
        sa.Column("corrected_kind", sa.Text(), nullable=True),
        sa.Column("corrected_indicator", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("decisions_by_figure", "decisions", ["figure_id", "reviewer", "id"])
    op.create_index("decisions_by_reviewer", "decisions", ["reviewer"])
    op.create_index("decisions_by_client", "decisions", ["client_id"], unique=True)
    op.create_table(
        "assignments",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("assigned_at", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", "reviewer"),
    )
    op.create_table(
        "leases",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("until", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id"),
    )
    carry_decisions_over()
    if op.get_bind().dialect.name == "sqlite":
        for table in APPEND_ONLY:
            for what, verb in (("update", "UPDATE"), ("delete", "DELETE")):
                op.execute(SQLITE_REFUSE.format(table=table, what=what, verb=verb))
        return
    for statement in POSTGRESQL_FUNCTIONS:
        op.execute(statement)
    for table in APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION refuse_change()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_never_emptied BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()"
        )


def carry_decisions_over() -> None:
    """Each reviewer's standing decision, as the log holds it, becomes their first decisions row."""
    from reviewer.decisions import standing_decisions_in_log
    from reviewer.store.records import event_from_row

    bind = op.get_bind()
    events = [event_from_row(row) for row in bind.execute(sa.text("SELECT * FROM events ORDER BY id")).mappings()]
    figures = {row[0] for row in bind.execute(sa.text("SELECT id FROM figures"))}
    rows = [
        {
            "figure_id": d.figure,
            "reviewer": d.reviewer,
            "status": d.status.value,
            "corrected_value": None if d.value is None else str(d.value),
            "corrected_unit": d.unit,
            "corrected_kind": d.kind.value if d.kind else None,
            "corrected_indicator": d.indicator,
            "at": event.at,
            "event_id": event.id,
        }
        for d, event in standing_decisions_in_log(events, figures)
    ]
    if rows:
        bind.execute(
            sa.text(
                "INSERT INTO decisions (figure_id, reviewer, status, corrected_value, corrected_unit,"
                " corrected_kind, corrected_indicator, at, event_id) VALUES (:figure_id, :reviewer, :status,"
                " :corrected_value, :corrected_unit, :corrected_kind, :corrected_indicator, :at, :event_id)"
            ),
            rows,
        )


def downgrade() -> None:
    raise NotImplementedError("a project is never taken back to an older schema")
