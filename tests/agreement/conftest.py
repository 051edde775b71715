import pytest

from reviewer.commands.importing import import_documents
from reviewer.store import Project

TEXT = ("2024年全市地区生产总值1200亿元，比上年增长5.2%。一般公共预算收入300亿元，增长3.1%。"
        "城镇居民人均可支配收入5.6万元，增长4.5%。\n")


@pytest.fixture
def shared(tmp_path):
    """A real project of one document; returns its path and its figures' ids (no dates)."""
    source = tmp_path / "报告.txt"
    source.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "团队.frp"
    with Project.open(path, create=True, reviewer="管理员") as project:
        import_documents(project, [source], report=lambda m: None)
        ids = [f.id for f in project.figures() if f.kind.value != "date"]
    return path, ids
