"""The document's topic: the metric a text is about, for the figures whose sentence names none.

A piece on one measure (a ranking of cities by their fiscal revenue) names it again and again and
then lists its figures by place alone: 北京紧随其后，以6.6%位居第二位; 嘉兴市以250亿元位居第5位.
The topic is the metric, among those the figures' own clauses name, written most often in the
text; it counts only where it is written densely enough that a reader keeps it in mind (a
government work report names 地区生产总值 a few times in 30,000 characters: no topic).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

MIN_MENTIONS = 8  # times the metric is written in the text
MIN_DENSITY = 3.0  # mentions per 1,000 characters
MAX_CANDIDATES = 12  # the metrics named by most figures, counted in the text
MIN_LENGTH = 4  # a measure word alone (收入, 投资, 规模) is no topic: the topic names what is measured
MAX_LENGTH = 10


def document_topic(text: str, indicators: Iterable[str], metric_of: Callable[[str], str]) -> str:
    """The metric the text is about, from the indicators its figures' own clauses name
    (`metric_of` gives the metric an indicator names, or ''); '' where there is none."""
    named = Counter(m for m in (metric_of(i) for i in indicators) if MIN_LENGTH <= len(m) <= MAX_LENGTH)
    if not named or not text:
        return ""
    mentions = {m: text.count(m) for m, _ in named.most_common(MAX_CANDIDATES)}
    best = max(mentions, key=lambda m: (mentions[m], len(m)))
    count = mentions[best]
    if count < MIN_MENTIONS or count * 1000 / len(text) < MIN_DENSITY:
        return ""
    return best
