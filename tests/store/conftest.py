import pytest

from reviewer.documents import read_document
from reviewer.extract import ENGINE_VERSION, extract
from reviewer.store import Project
from tests.conftest import SEEDS

SEED = SEEDS / "001_c85b7cdc4e083cd4.txt"


@pytest.fixture
def project_path(tmp_path):
    return tmp_path / "review.frp"


@pytest.fixture
def project(project_path):
    with Project.open(project_path, create=True, reviewer="tester") as p:
        doc = read_document(SEED)
        p.seed_doc_id = p.add_document(doc, extract(doc.text, doc.date), ENGINE_VERSION)
        yield p
