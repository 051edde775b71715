"""Loading the benchmark corpus: ../shared/corpus/gov-reports.tar.gz (400 real reports)."""
from __future__ import annotations

import os
import tarfile
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "gov-reports.tar.gz"


def load_corpus(path: str | os.PathLike | None = None) -> list[tuple[str, str]]:
    """[(name, text)] for every .txt member of the archive."""
    archive = Path(path or os.environ.get("REVIEWER_CORPUS", DEFAULT))
    docs = []
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.endswith(".txt"):
                docs.append((member.name, tar.extractfile(member).read().decode("utf-8")))
    docs.sort()
    return docs
