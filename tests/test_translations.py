"""Every string the interface shows has a Chinese translation, and the shipped .qm is current."""
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_every_interface_string_is_translated_and_compiled(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import translations

    done = translations.read_ts(translations.FOLDER / "reviewer_zh_CN.ts")
    missing = [s for s in translations.source_strings() if s not in done]
    assert not missing, f"run scripts/translations.py update, translate, build: {missing}"
    qm = translations.FOLDER / "reviewer_zh_CN.qm"
    rebuilt = tmp_path / "check.qm"
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(tool), str(translations.FOLDER / "reviewer_zh_CN.ts"), "-qm", str(rebuilt)], check=True,
                   capture_output=True)
    assert rebuilt.read_bytes() == qm.read_bytes(), "the shipped .qm is stale: run scripts/translations.py build"
