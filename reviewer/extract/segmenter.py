"""Word segmentation for indicators: jieba, with a trimmed dictionary cached per user.

jieba's full dictionary takes about a second to load even from its cache. Indicators need the
common words only, so we keep the words jieba has seen at least MIN_FREQ times (with their part
of speech tags), add the engine's own lexicon words, and cache the result with marshal in the
user's cache directory: a warm start then loads in about a tenth of a second, and a read-only
install still works (the cache goes to the user's folder, or nowhere).
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
import threading
from pathlib import Path

log = logging.getLogger(__name__)

MIN_FREQ = 5
CACHE_VERSION = "1"

_lock = threading.Lock()
_segmenter: Segmenter | None = None


class Segmenter:
    def __init__(self, freq: dict[str, int], total: int, tags: dict[str, str]):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ, tokenizer.total = freq, total
        tokenizer.initialized = True
        self._tokenizer = tokenizer
        self.tags = tags

    def cut(self, text: str) -> list[str]:
        return self._tokenizer.lcut(text, HMM=False)

    def tag(self, word: str) -> str | None:
        return self.tags.get(word)


def _jieba_dictionary() -> Path:
    import jieba

    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _build(extra_words: tuple[str, ...]) -> tuple[dict[str, int], int, dict[str, str]]:
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    with open(_jieba_dictionary(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, count = parts[0], int(parts[1])
            if count < MIN_FREQ:
                continue
            freq[word] = count
            total += count
            if len(parts) > 2:
                tags[word] = parts[2]
    for word in extra_words:
        if word not in freq or freq[word] == 0:
            freq[word] = 1000
            total += 1000
    for word in list(freq):
        for i in range(1, len(word)):
            freq.setdefault(word[:i], 0)
    return freq, total, tags


def cache_name(extra_words: tuple[str, ...]) -> str:
    """Names the cache after what it is built from (our words, the settings, jieba's dictionary
    by its size), so a bundled cache is recognised wherever the bundle lands."""
    key = hashlib.sha1(("\n".join(extra_words) + CACHE_VERSION + str(MIN_FREQ)).encode()).hexdigest()[:12]
    return f"jieba-{key}-{_jieba_dictionary().stat().st_size}.marshal"


def _cache_path(extra_words: tuple[str, ...]) -> Path | None:
    try:
        from reviewer.paths import user_cache_dir

        return user_cache_dir() / cache_name(extra_words)
    except OSError as exc:
        log.warning("no cache for the word segmenter: %s", exc)
        return None


def _bundled_cache(extra_words: tuple[str, ...]) -> Path | None:
    """A ready cache shipped inside the desktop bundle (read-only)."""
    from reviewer.resources import resource

    try:
        path = resource("cache", cache_name(extra_words))
    except OSError:
        return None
    return path if path.is_file() else None


def write_cache_file(folder: Path, extra_words: tuple[str, ...]) -> Path:
    """Build the cache into folder (the packaging step ships it with the bundle)."""
    extra_words = tuple(sorted(set(extra_words)))
    target = Path(folder) / cache_name(extra_words)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(marshal.dumps(_build(extra_words)))
    return target


def _load_or_build(extra_words: tuple[str, ...]) -> Segmenter:
    cache = _cache_path(extra_words)
    for candidate in (cache, _bundled_cache(extra_words)):
        if candidate is not None and candidate.is_file():
            try:
                freq, total, tags = marshal.loads(candidate.read_bytes())
                return Segmenter(freq, total, tags)
            except (OSError, ValueError, EOFError, TypeError) as exc:
                log.warning("segmenter cache %s unreadable (%s); rebuilding it", candidate, exc)
    freq, total, tags = _build(extra_words)
    if cache is not None:
        _write_cache(cache, marshal.dumps((freq, total, tags)))
    return Segmenter(freq, total, tags)


def _write_cache(cache: Path, data: bytes) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".jieba-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, cache)
    except OSError as exc:
        log.warning("could not write the segmenter cache %s: %s", cache, exc)


def segmenter_words() -> tuple[str, ...]:
    """Words the segmenter must keep whole: the engine's change verbs (shipped and user's)."""
    from reviewer.extract.lexicon import default_lexicon

    return tuple(sorted(set(default_lexicon().change_verbs)))


def get_segmenter() -> Segmenter:
    """The shared segmenter, built once per process (thread-safe; call early on a worker
    thread to warm it up)."""
    global _segmenter
    with _lock:
        if _segmenter is None:
            _segmenter = _load_or_build(segmenter_words())
        return _segmenter
