"""The one import loop (commands/importing.py) that the command line and the window share."""
import shutil

from reviewer.commands.importing import (
    Failed,
    Prepared,
    Result,
    import_documents,
    known_documents,
    read_and_extract,
    store_prepared,
)
from reviewer.store import Project
from tests.cli.helpers import run
from tests.conftest import SEEDS

SEED = SEEDS / "001_c85b7cdc4e083cd4.txt"
OTHER = SEEDS / "000_71bace37cc241901.txt"


def test_the_same_text_under_another_name_is_skipped_naming_the_first(tmp_path):
    copy = tmp_path / "copy of the report.txt"
    shutil.copy(SEED, copy)
    messages = []
    with Project.open(tmp_path / "p.frp", create=True) as project:
        summary = import_documents(project, [SEED, copy], report=messages.append)
        assert len(project.documents()) == 1
        title = project.documents()[0].title
    assert summary.imported == 1 and summary.duplicates == 1 and summary.stored == 1
    skipped = messages[1]
    assert skipped.startswith("skipped ") and str(copy) in skipped
    assert title in skipped and str(SEED) in skipped  # names the document it duplicates


def test_a_duplicate_of_a_document_imported_earlier_is_skipped(tmp_path):
    copy = tmp_path / "again.txt"
    shutil.copy(SEED, copy)
    with Project.open(tmp_path / "p.frp", create=True) as project:
        import_documents(project, [SEED], report=lambda m: None)
    with Project.open(tmp_path / "p.frp") as project:
        known = known_documents(project)
        [prepared] = list(read_and_extract([copy]))
        outcome = store_prepared(project, prepared, known)
        assert outcome.result is Result.DUPLICATE and not outcome.stored
        assert outcome.document_id == project.documents()[0].id
        assert len(project.documents()) == 1


def test_reading_touches_no_project_and_reports_failures(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    items = list(read_and_extract([empty, SEED]))
    assert isinstance(items[0], Failed) and str(empty) in items[0].message and "empty" in items[0].message
    assert isinstance(items[1], Prepared) and items[1].figures and items[1].path == SEED.absolute()
    assert list(tmp_path.iterdir()) == [empty]


def test_reading_stops_when_cancelled():
    items = []
    for item in read_and_extract([SEED, OTHER], cancelled=lambda: bool(items)):
        items.append(item)  # the reviewer cancels once the first document is read
    assert len(items) == 1 and items[0].path == SEED.absolute()


def test_unchanged_and_changed_files(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("受理案件1425918件。\n", encoding="utf-8")
    with Project.open(tmp_path / "p.frp", create=True) as project:
        known = known_documents(project)
        [first] = list(read_and_extract([source]))
        assert store_prepared(project, first, known).result is Result.NEW
        [again] = list(read_and_extract([source]))
        assert store_prepared(project, again, known).result is Result.UNCHANGED
        source.write_text("受理案件1425918件，结案1310621件。\n", encoding="utf-8")
        [changed] = list(read_and_extract([source]))
        outcome = store_prepared(project, changed, known)
        assert outcome.result is Result.REIMPORTED and outcome.stored
        assert len(project.documents()) == 1 and len(project.figures()) == 2


def test_import_messages_have_correct_plurals(tmp_path):
    project = tmp_path / "p.frp"
    one = run("import", project, SEED)
    assert one.returncode == 0, one.stderr
    assert one.stderr.strip().splitlines()[-1] == "1 document imported"
    two = run("import", project, OTHER, SEEDS / "002_fbffba0dc127f8f7.txt")
    assert two.stderr.strip().splitlines()[-1] == "2 documents imported"
    again = run("import", project, SEED)
    assert again.stderr.strip().splitlines()[-1] == "0 documents imported; 1 unchanged"


def test_import_messages_in_chinese(tmp_path):
    copy = tmp_path / "副本.txt"
    shutil.copy(SEED, copy)
    result = run("import", tmp_path / "p.frp", SEED, copy, env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("已导入")
    assert lines[1].startswith("已跳过") and "副本.txt" in lines[1]
    assert lines[-1] == "已导入 1 个文档；跳过 1 个重复文档"


def test_an_import_that_stores_nothing_leaves_no_new_project_behind(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    project = tmp_path / "new.frp"
    result = run("import", project, empty, tmp_path / "missing.txt")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "not created" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]


def test_an_existing_project_is_kept_when_an_import_stores_nothing(tmp_path):
    project = tmp_path / "old.frp"
    assert run("import", project, SEEDS / "004_508182d40994e3ac.txt").returncode == 0
    before = project.read_bytes()
    assert run("import", project, tmp_path / "missing.txt").returncode == 1
    assert project.read_bytes() == before
