"""A project with every state, notes and text that looks like formulas, for the export tests."""
import pytest

from reviewer.commands.importing import import_documents
from reviewer.model import Status
from reviewer.store import Project
from tests.conftest import SEEDS

HOSTILE = """=HYPERLINK("http://evil.example","点击")
+1+2 受理案件1425918件
-2 结案1310621件
@SUM(A1) 新签合同额121.6亿美元
\t增长20.5%
"""


@pytest.fixture
def project(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    with Project.open(tmp_path / "p.frp", create=True, reviewer="张三") as p:
        import_documents(p, [SEEDS / "001_c85b7cdc4e083cd4.txt", hostile], report=lambda m: None)
        figures = p.figures()
        for i, f in enumerate(figures):
            if i % 4 == 0:
                p.decide(f.id, Status.CONFIRMED, note="=1+1" if i == 0 else None)
            elif i % 4 == 1:
                p.decide(f.id, Status.CORRECTED, value=str(f.value + 1), unit=f.unit, kind=f.kind.value,
                         indicator="-指标" if i == 1 else None)
            elif i % 4 == 2:
                p.decide(f.id, Status.REJECTED)
        yield p
