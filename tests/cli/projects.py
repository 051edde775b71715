"""Real projects for the command-line tests of `reviewer decide` and `reviewer status`."""
from pathlib import Path

from reviewer.commands.importing import import_documents
from reviewer.store import Project

TEXT = "今年全市生产总值增长5.2%，去年完成投资300亿元。\n"


def many_figures(count: int) -> str:
    """A report of `count` figures, two a line (an amount and a rate), each its own value."""
    return "".join(f"第{i}区完成投资{i}亿元，增长{i % 9}.{i % 7 + 1}%。\n" for i in range(1, count // 2 + 1))


def project_of(folder: Path, *texts: str, name: str = "p.frp") -> Path:
    """A project with one document per text, imported as `reviewer import` does."""
    sources = []
    for number, text in enumerate(texts, 1):
        source = folder / f"report{number}.txt"
        source.write_text(text, encoding="utf-8")
        sources.append(source)
    path = folder / name
    with Project.open(path, create=True, reviewer="importer") as project:
        import_documents(project, sources, report=lambda message: None)
    return path


def figure_ids(path: Path) -> dict[str, int]:
    """{figure text: id} of a project's figures."""
    with Project.open(path, read_only=True) as project:
        return {f.text: f.id for f in project.figures()}
