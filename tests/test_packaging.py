"""The desktop bundle: built with packaging/build, it passes its own self-test with a fresh
home, offline, and writes nothing next to the program. Slow (a PyInstaller build), run in CI."""
import importlib.metadata
import importlib.util
import os
import subprocess
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import ROOT

BUNDLE = ROOT / "dist" / "figure-reviewer"


def snapshot(folder):
    return {p.relative_to(folder): p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}


@pytest.mark.slow
def test_the_bundle_builds_and_passes_its_self_test(tmp_path):
    # setup (--test) installs PyInstaller: the build must not need the network
    assert importlib.util.find_spec("PyInstaller") is not None, "scripts/setup.sh --test must install PyInstaller"
    offline = {**os.environ, "PIP_NO_INDEX": "1"}
    build = subprocess.run(["bash", str(ROOT / "packaging" / "build")], cwd=ROOT, capture_output=True, text=True,
                           timeout=1800, env=offline)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    program = BUNDLE / "figure-reviewer"
    assert program.exists()
    before = snapshot(BUNDLE)
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([str(program), "--self-test"], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    version = subprocess.run([str(program), "--version"], env=env, capture_output=True, text=True, timeout=60)
    assert version.stdout.strip().startswith("figure-reviewer ")
    assert snapshot(BUNDLE) == before, "the program wrote next to itself"
    assert not any(p.name.startswith("jieba-") for p in home.rglob("*")), "the bundled segmenter cache was not used"


def test_desktop_metadata_is_well_formed():
    linux = ROOT / "packaging" / "linux"
    entry = (linux / "figure-reviewer.desktop").read_text(encoding="utf-8")
    assert "Exec=figure-reviewer %F" in entry and "Icon=figure-reviewer" in entry
    for mime in ("application/pdf", "text/plain", "wordprocessingml.document", "application/x-figure-reviewer-project"):
        assert mime in entry
    ET.parse(linux / "figure-reviewer-mime.xml")
    component = ET.parse(linux / "io.github.figure_reviewer.metainfo.xml").getroot()
    assert component.findtext("id") == "io.github.figure_reviewer"
    for size in (16, 32, 48, 64, 128, 256):
        png = ROOT / "resources" / "icons" / f"figure-reviewer-{size}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_version_is_written_in_one_place():
    from reviewer import __version__

    assert importlib.metadata.version("figure-reviewer") == __version__  # pyproject reads it from the package
    metainfo = ET.parse(ROOT / "packaging" / "linux" / "io.github.figure_reviewer.metainfo.xml").getroot()
    newest = metainfo.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, "add a <release> for this version"


def test_user_data_goes_to_the_platform_folders(monkeypatch, tmp_path):
    from reviewer import paths

    monkeypatch.delenv("REVIEWER_CACHE_DIR", raising=False)
    monkeypatch.delenv("REVIEWER_LOG_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert paths.user_cache_dir() == tmp_path / "cache" / "figure-reviewer"
    assert str(paths.user_log_dir()).startswith(str(tmp_path / "state"))


def test_the_log_file_rotates_in_the_log_folder(tmp_path, monkeypatch):
    import logging

    from reviewer import logs

    monkeypatch.setenv("REVIEWER_LOG_DIR", str(tmp_path / "logs"))
    root = logging.getLogger()
    saved = list(root.handlers)
    try:
        root.handlers = [h for h in root.handlers if not getattr(h, "_reviewer", False)]
        logs.setup_logging()
        logging.getLogger("reviewer.test").warning("a line for the bug report %s", "✓")
        for h in root.handlers:
            h.flush()
        log_file = tmp_path / "logs" / logs.LOG_NAME
        assert "a line for the bug report ✓" in log_file.read_text(encoding="utf-8")
        assert any(h.__class__.__name__ == "RotatingFileHandler" for h in root.handlers)
    finally:
        for h in root.handlers:
            if h not in saved:
                h.close()
        root.handlers = saved
