"""The word segmenter's cache lives in the user's cache folder and is optional."""
import os
import subprocess
import sys

CHILD = """
from reviewer.extract import extract, figures_only
print(len(figures_only(extract("全省法院审结破产案件891件，盘活资产258.64亿元。"))))
"""


def run_child(cache_dir):
    env = dict(os.environ, REVIEWER_CACHE_DIR=str(cache_dir))
    return subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120)


def test_cache_is_written_to_the_user_cache_dir_and_reused(tmp_path):
    first = run_child(tmp_path)
    assert first.returncode == 0 and first.stdout.strip() == "2", first.stderr
    caches = list(tmp_path.glob("jieba-*.marshal"))
    assert len(caches) == 1
    stamp = caches[0].stat().st_mtime_ns
    second = run_child(tmp_path)
    assert second.stdout.strip() == "2"
    assert caches[0].stat().st_mtime_ns == stamp  # read, not rebuilt


def test_an_unwritable_cache_dir_still_extracts(tmp_path):
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache folder should be")
    result = run_child(blocked / "cache")
    assert result.returncode == 0 and result.stdout.strip() == "2", result.stderr
    assert "could not write the segmenter cache" in result.stderr


def test_a_corrupt_cache_is_rebuilt(tmp_path):
    assert run_child(tmp_path).returncode == 0
    cache = next(tmp_path.glob("jieba-*.marshal"))
    cache.write_bytes(b"not marshal data")
    result = run_child(tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == "2", result.stderr
    assert "rebuilding" in result.stderr
