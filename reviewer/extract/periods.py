"""Which period a figure refers to (GUIDE.md, "Periods"), nearest first:

1. its own clause or sentence: the nearest time expression before it (2023年, 今年前11个月, 去年,
   截至6月末), a comparison's base (比上年) left out; or the paragraph's head ("2025年，全省…");
   目前/现有 the year of the document's date; 连续三年 the stretch ending in the reporting year;
   年均 the stretch between the sentence's two years (由2007年…到2012年…: 2008/2012);
2. the section it stands in, where the heading names a period (sections.py);
3. the document's reporting period, given or inferred (reporting.py).
None where the figure refers to no time: an area, a specification, a capacity, a threshold that
defines a group, a conditional or habitual statement (the cues of period_cues.tsv).

Every boundary and mark is found once (time_marks.py); each figure costs a few bisections."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace
from datetime import date

from reviewer.extract.lexicon import Lexicon
from reviewer.extract.notation import RATIO_SEP
from reviewer.extract.numerals import FULLWIDTH
from reviewer.extract.period_words import period_words
from reviewer.extract.reporting import infer_reporting, titled
from reviewer.extract.sections import Sections
from reviewer.extract.time_marks import COUNT, Mark, TimeMarks, count_of, year_period
from reviewer.model import Figure, Kind, Period

SENTENCE_BREAKS = "。！？!?\n"  # a time expression governs its sentence across its semicolons
CLAUSE_BREAKS = SENTENCE_BREAKS + "；;，,：:"
PARAGRAPH_HEAD = 12  # a period this close to a paragraph's start governs the paragraph
TITLE_LENGTH = 60
SENTENCE_LEAD = 5  # words before a sentence's opening time expression ("同时，", "刚刚过去的")
CLAUSE_LEAD = 16  # a source's clause before the time expression ("《证券日报》记者梳理发现，")
CONTINUES_LEAD = 16  # how long a paragraph's opening clause that breaks down the one before may be
PARAGRAPH_GAP = 8  # blank lines between two paragraphs
SENTENCE_TAIL = 4  # and after it, before its comma ("今年以来，", "2025年，")
SENTENCE_REACH = 1000  # how far back in a sentence a figure's words are read (a text without full stops)
MAX_RUN = 50  # a run of more years than this is no run ("连续57个月" is months, not years)
NO_TIME_REACH = 6  # a no-time word this close before a figure makes it timeless
SHORT_TIME = 100  # 24小时运转 is a habit's; 199132分钟 of cartoons are a year's output
NAMED_REACH = 12  # how far after a measure the project it sizes may be named
SINCE_REACH = 400  # how far before a cut-off its paragraph may tell the start a total counts from
MARKS_BACK = 12  # and how many time expressions back
TOTAL_REACH = 1500  # how far apart in one article the same total may be told twice
LIST_REACH = 12  # how many figures of a list "A、B、C" are read on to what follows them
YEAR_WORD_HEADS = "全当今去明上本同"  # 全年产值: 年产 is no capacity there
# Kinds whose figure in a stretch of years is the level or change at its end (居第1位, 增加51.6%, 提高
# 17.67个百分点, 翻1.36番); a count or amount in a stretch is the stretch's (5年来推进重大项目1047项).
LEVEL_KINDS = (Kind.RANK, Kind.PERCENT, Kind.PP, Kind.MULTIPLE, Kind.FRACTION)
OPENERS = set("，。；！？,;!?：:“\"'‘「『（( \u3000\t\n")  # what may stand before a word opening a clause
PUNCTUATION = set("，。；！？,;!?、：:）)」』”\"' \t\n")


class PeriodFinder:
    def __init__(
        self,
        text: str,
        found: list[Figure],
        lexicon: Lexicon,
        doc_date: date | None = None,
        reporting: Period | None = None,
    ):
        self.text = text
        self.norm = text.translate(FULLWIDTH)
        self.lexicon = lexicon
        self.words = period_words(lexicon)
        self.reporting = infer_reporting(text, found, self.words, doc_date, reporting, self.norm)
        self.marks = TimeMarks(
            text, found, lexicon, self.words, self.reporting.ref, self.reporting.year, self.reporting.until, self.norm
        )
        self.reporting = titled(self.reporting, self._title_period())
        plans = self.reporting.year + 1 if self.reporting.kind == "work_report" and self.reporting.year else None
        self.sections = Sections(text, self.marks, self.words, plans)
        # boundaries found once, so each look-up is a bisection, not a scan back through the text
        self._sentence_ends = [m.end() for m in re.finditer(f"[{re.escape(SENTENCE_BREAKS)}]", text)]
        self._clause_ends = [m.end() for m in re.finditer(f"[{re.escape(CLAUSE_BREAKS)}]", text)]
        self._paragraph_ends = [m.end() for m in re.finditer("\n", text)]
        self._cues = {
            role: _positions(self.norm, self.words.of(role))
            for role in ("current", "average", "context_year", "reporting_period", "same_period", "cumulative")
        }
        self._cues["current"] = sorted(self._cues["current"] + self._opening(self.words.of("current_opening")))
        self._conditions = _positions(self.norm, self.words.of("no_time_clause"))
        self._runs = self._find_runs(found)
        self._figure_at = {f.start: f for f in found if f.kind is not Kind.DATE}
        self._ratio_first = _ratio_terms(text, [f for f in found if f.kind is not Kind.DATE])
        self._head_starts, self._heads = self._find_heads()
        self._totals = self._find_totals(found)

    def _opening(self, words: tuple[str, ...]) -> list[int]:
        """Where one of words opens a clause ("“现在在这里每天可加工…"), not inside another word (实现在线)."""
        return [at for at in _positions(self.norm, words) if at == 0 or self.norm[at - 1] in OPENERS]

    def _title_period(self) -> Period | None:
        """The period the first line names, where it is short enough to be a title."""
        start = len(self.text) - len(self.text.lstrip())
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        if end - start > TITLE_LENGTH:
            return None
        mark = self.marks.first_in(start, end)
        return mark.period if mark is not None else None

    def _find_runs(self, figures: list[Figure]) -> tuple[list[int], list[tuple[int, int, int]]]:
        """连续三年, 历时5年, 用13年, and the years a list of figures counts ("7年687航次"): stretches
        ending in the reporting year, for the figure and those after it in its clause."""
        found = []
        run = self.words.of("run")
        if run:
            pattern = re.compile(rf"(?:{'|'.join(re.escape(w) for w in run)}){COUNT}个?年(?!一遇)")
            for m in pattern.finditer(self.norm):
                n = count_of(m["n"])
                if n and n <= MAX_RUN:
                    found.append((m.start(), m.end(), n))
        for f in figures:  # "7年687航次": the years the figures after it count
            if f.kind is Kind.QUANTITY and f.unit == "年" and f.value is not None and 1 < f.value <= MAX_RUN:
                if f.value == int(f.value) and self.norm[f.end : f.end + 1].isdigit():
                    found.append((f.start, f.end, int(f.value)))
        found.sort()
        return [f[0] for f in found], found

    # -- one figure ------------------------------------------------------------------------------

    def period_for(self, figure: Figure) -> Period | None:
        first_term = self._ratio_first.get(figure.start)
        if first_term is not None:
            return self.period_for(first_term)  # 由44.2∶11.6∶44.2: every term is the first's year's
        pos = figure.start
        sentence = _last_before(self._sentence_ends, pos)
        clause = _last_before(self._clause_ends, pos)
        if self._refers_to_no_time(figure, clause, sentence):
            return None
        mark = self._anchored(self._bounded(self._local(self.marks.last_before(pos, sentence), pos), sentence), pos)
        if mark is not None and mark.until and self._cumulative(figure, clause, sentence, None):
            mark = self._counted_since(mark, pos)
        if mark is None:
            told = self._told_total(figure)
            if told is not None:
                return told  # "200列的背后": the total its article counts since a start up to a cut-off
        ref = self.reporting.ref
        if ref is not None and _any_between(self._cues["current"], mark.end if mark else sentence, pos):
            return year_period(ref.year, ref.year, "目前")
        run = self._run_for(figure, clause)
        if run is not None:
            return run
        if mark is None and _any_between(self._cues["reporting_period"], sentence, pos) and self.reporting.period:
            return self.reporting.period  # 报告期内
        role = self._level_role(figure, clause)
        if role == "to" and mark is not None and self._is_from_mark(mark, sentence):
            mark = None  # 由2004年末的1836户增加到3033户: 2004 is the start's year, not the level reached's
        if mark is not None and mark.start >= clause:
            return self._with_average(mark, sentence, clause, pos)  # its own clause names its time
        if role in ("from", "to"):
            # 由A增加到B after "由2007年X增加到2012年Y" in the sentence: the same two years
            parallel = self._parallel_year(sentence, pos, role)
            if parallel is not None:
                return parallel
        period: Period | None
        if mark is not None:
            period = self._with_average(mark, sentence, clause, pos)
        else:
            # 全年, 年末 speak of the passage's year: the section's or the report's, not a sentence's before
            passage = _any_between(self._cues["context_year"], sentence, pos)
            head = None if passage else self._paragraph_head(pos) or self._same_period(sentence, pos)
            period = head or self.sections.period_at(pos) or self.reporting.period
        if period is None or _any_between(self._cues["average"], clause, pos):
            return period
        first, last = int(period.start[:4]), int(period.end[:4])
        if first == last or self._cumulative(figure, clause, sentence, mark) or self._of_same_stretch(clause, pos):
            return period  # one year's levels are its own; 累计 is the whole stretch, and 占同期 a share of it
        if role == "from":
            if mark is not None and mark.ends:
                return year_period(first, first, "由")  # 2017年到2021年，从142.26亿元增长到…: 2017's level
            return year_period(first - 1, first - 1, "由")  # 由1615美元 in 2008/2012: the 2007 level
        if (
            role in ("to", "reached")
            or figure.unit == "番"
            or figure.kind in LEVEL_KINDS
            or self._after_level_change(sentence, pos)
        ):
            return year_period(last, last, "到")  # 增加到4427美元, 翻1.45番, 居第1位: the last year's level
        return period

    def _cumulative(self, figure: Figure, clause: int, sentence: int, mark: Mark | None) -> bool:
        """累计 in the figure's clause, or in the clause before when the figure's only goes on with
        the total's verb ("累计突破千亿元，达1128亿元")."""
        cues = self._cues["cumulative"]
        if _any_between(cues, clause, figure.start):
            return True
        lead = self.norm[clause : figure.start].strip()
        if figure.approx and lead.endswith(figure.approx):
            lead = lead[: -len(figure.approx)]
        if lead not in self.words.of("level_to"):
            return False
        before = _last_before(self._clause_ends, clause - 1)
        return _any_between(cues, max(before, sentence, mark.end if mark else 0), clause)

    def _find_totals(self, figures: list[Figure]) -> dict[str, list[tuple[int, Period]]]:
        """The totals told as counted since a start up to a cut-off ("自2024年6月…以来，…截至2026年2月，
        公司累计开行班列200列"), by their written text: the same total told again in its article
        with no time of its own ("200列的背后", a headline) is that one."""
        totals: dict[str, list[tuple[int, Period]]] = {}
        for f in figures:
            if f.kind not in (Kind.QUANTITY, Kind.MONEY):
                continue
            sentence = _last_before(self._sentence_ends, f.start)
            mark = self.marks.last_before(f.start, sentence)
            if mark is None or not mark.until:
                continue
            clause = _last_before(self._clause_ends, f.start)
            if self._cumulative(f, clause, sentence, None):
                counted = self._counted_since(mark, f.start)
                if counted is not mark:
                    totals.setdefault(f.text, []).append((f.start, counted.period))
        return totals

    def _told_total(self, figure: Figure) -> Period | None:
        told = self._totals.get(figure.text)
        if not told:
            return None
        i = bisect.bisect_left(told, (figure.start - TOTAL_REACH,))
        for start, period in told[i : i + 3]:  # the nearest few: each is the same total
            if start != figure.start and abs(start - figure.start) <= TOTAL_REACH:
                return period
        return None

    def _counted_since(self, mark: Mark, pos: int) -> Mark:
        """'自2024年6月12日首开…以来，…。截至2026年2月，公司累计开行班列200列': a total counted up to
        a cut-off since the start its paragraph told, in the cut-off's steps (months: 2024-06/2026-02)."""
        paragraph = max(_last_before(self._paragraph_ends, pos), self.sections.start_at(pos), mark.start - SINCE_REACH)
        for m in reversed(self.marks.in_range(paragraph, mark.start)[-MARKS_BACK:]):
            if m.since and not m.base and m.period.start < mark.period.start:
                start = m.period.start
                if mark.period.label() == mark.period.start[:4]:
                    start = start[:4] + "-01-01"
                elif mark.period.label() == mark.period.start[:7]:
                    start = start[:8] + "01"
                return replace(mark, period=Period(start, mark.period.end, mark.period.text), stretch=True)
        return mark

    def _of_same_stretch(self, clause: int, pos: int) -> bool:
        """'占湖北同期货物贸易总额的比例接近三成': a share of the same stretch's total (上年同期 is a base)."""
        cues = self._cues["same_period"]
        i = bisect.bisect_left(cues, clause)
        if i >= len(cues) or cues[i] >= pos:
            return False
        return (
            self.norm[max(0, cues[i] - 2) : cues[i]] not in ("上年", "去年")
            and self.norm[cues[i] - 1 : cues[i]] != "比"
        )

    def _with_average(self, mark: Mark, sentence: int, clause: int, pos: int) -> Period:
        if _any_between(self._cues["average"], max(clause, mark.start), pos):
            stretch = self._average_stretch(sentence, pos, mark)
            if stretch is not None:
                return stretch
        return mark.period

    def _is_from_mark(self, mark: Mark, sentence: int) -> bool:
        head = self.norm[max(sentence, mark.start - 4) : mark.start]
        return head.endswith(self.words.of("level_from"))

    def _parallel_year(self, sentence: int, pos: int, role: str) -> Period | None:
        words = self.words.of("level_from" if role == "from" else "level_to")
        for m in reversed(self.marks.in_range(max(sentence, pos - SENTENCE_REACH), pos)):
            if m.stretch or m.base:
                continue
            head = self.norm[max(sentence, m.start - 4) : m.start]
            if head.endswith(words):
                return m.period
        return None

    def _after_level_change(self, sentence: int, pos: int) -> bool:
        """'由153.02亿元增加到1410亿元，增长8倍': the change between two levels is the last year's."""
        before = self.norm[max(sentence, pos - SENTENCE_REACH) : pos]
        at = max(before.rfind(w) for w in self.words.of("level_from")) if self.words.of("level_from") else -1
        return at >= 0 and any(w in before[at:] for w in self.words.of("level_to"))

    def _level_role(self, figure: Figure, clause: int) -> str | None:
        before = self.norm[max(clause, figure.start - SENTENCE_REACH) : figure.start].rstrip()
        if figure.approx and before.endswith(figure.approx):
            before = before[: -len(figure.approx)]
        if before.endswith(self.words.of("level_from")):
            return "from"
        if before.endswith(self.words.of("level_to")):
            return "to" if any(w in before for w in self.words.of("level_from")) else "reached"
        return None

    def _refers_to_no_time(self, figure: Figure, clause: int, sentence: int) -> bool:
        unit = self.lexicon.units.get(figure.unit or "")
        long_time = unit is not None and "time" in unit.tags and (figure.value or 0) >= SHORT_TIME
        if figure.unit and figure.unit in self.words.of("no_time_unit") and not long_time:
            head = self.norm[max(0, figure.start - 4) : figure.start]
            told = self.words.of("duration_told") if unit is not None and "time" in unit.tags else ()
            claims = self.lexicon.duration_claim + told  # 平均2小时内处置; not 平均年龄31岁
            if not self._made_now(figure, clause) and not any(w in head for w in claims):
                return True  # 3大类, 220kV, 24小时运转; but 耗时48小时, 平均2小时内处置 are the claim
        if self._names_a_size(figure):
            return True
        before = self.norm[max(clause, figure.start - NO_TIME_REACH - 4) : figure.start]
        if figure.approx and before.endswith(figure.approx):
            before = before[: -len(figure.approx)]
        lead = self.norm[clause : figure.start].lstrip(" \u3000\t")
        if lead.startswith(self.words.of("no_time_lead")) and len(lead) <= NO_TIME_REACH:
            return True  # 面积仅28.3平方公里的江汉区
        window = before[-NO_TIME_REACH - 4 :]
        for word in self.words.of("no_time_before"):
            at = window.find(word)
            if at >= 0 and not (word[0] == "年" and at and window[at - 1] in YEAR_WORD_HEADS):
                return True  # 年产30万吨, but not 全年产值
        last = self._last_listed(figure)  # "1000、2000第纳尔纸币": what follows the list follows each
        after = self.norm[last.end : last.end + 6]
        counted = figure.kind in (Kind.MONEY, Kind.QUANTITY)
        if counted and figure.approx in self.words.of("threshold"):
            if after.startswith("的") or after.startswith(self.words.of("no_time_named")):
                return True  # "财政收入超过100亿元的市", "过亿元项目411个": the threshold of a group
        for suffix in ("及以上", "以上", "以下", "以内"):
            if after.startswith(suffix):
                rest = after[len(suffix) :]
                if counted and rest[:1] and rest[0] not in PUNCTUATION and not rest.startswith(("的速度", "的增长")):
                    return True  # "500万元以上工业项目": the threshold that defines the group
                after = rest
                break
        if after.startswith(self.words.of("no_time_after")):
            return True
        return _any_between(self._conditions, sentence, figure.start)

    def _made_now(self, figure: Figure, clause: int) -> bool:
        """'目前国内仅能稳定制作1至2英寸的单晶片', '目前8英寸多晶片均可试制': a size that can be made now
        is the state of the document's year; '目前4英寸散热片的售价' still names a specification."""
        if not _any_between(self._cues["current"], clause, figure.start):
            return False
        end = min(_next_after(self._clause_ends, figure.end), figure.end + SENTENCE_REACH)
        return any(w in self.norm[clause:end] for w in self.words.of("capability"))

    def _last_listed(self, figure: Figure) -> Figure:
        """The last figure of the list "A、B、C" figure opens, its unit written only after the last
        ("1000、2000第纳尔"), or figure itself."""
        if not self.norm[figure.end - 1 : figure.end].isdigit():
            return figure  # "研发机构12个、30亿元以上现代服务业项目": two figures, each with its own
        for _ in range(LIST_REACH):
            if self.norm[figure.end : figure.end + 1] != "、" or figure.end + 1 not in self._figure_at:
                break
            figure = self._figure_at[figure.end + 1]
        return figure

    def _names_a_size(self, figure: Figure) -> bool:
        """'40万吨高纯阴极铜配套项目': a measure (not a count) of the project, plant or line after it."""
        unit = self.lexicon.units.get(figure.unit or "")
        if figure.kind is not Kind.QUANTITY or unit is None or "count" in unit.tags:
            return False
        after = self.text[figure.end : figure.end + NAMED_REACH]
        for i, c in enumerate(after):
            if c in PUNCTUATION or c.isdigit():
                after = after[:i]
                break
        return any(w in after for w in self.words.of("no_time_named"))

    def _run_for(self, figure: Figure, clause: int) -> Period | None:
        starts, runs = self._runs
        year = self.reporting.year
        if not runs or year is None:
            return None
        i = bisect.bisect_right(starts, figure.start) - 1
        if i < 0:
            return None
        start, end, n = runs[i]
        if start < clause and not (start <= figure.start < end):
            return None
        return year_period(year - n + 1, year, self.text[start:end])

    def _average_stretch(self, sentence: int, pos: int, mark: Mark) -> Period | None:
        """由2007年X增加到2012年Y，年均增长Z%: the years after the first up to the last."""
        if mark.ends and mark.period.start[:4] < mark.period.end[:4]:
            first, last = int(mark.period.start[:4]), int(mark.period.end[:4])
            return year_period(first + 1, last, "年均")  # 从2010年到2015年，年均增长30%: the years after 2010
        if mark.stretch:
            return mark.period
        years = [
            int(m.period.start[:4])
            for m in self.marks.in_range(max(sentence, pos - SENTENCE_REACH), pos)
            if not m.stretch and m.period.start[:4] == m.period.end[:4]
        ]
        if len(set(years)) >= 2 and min(years) < years[-1]:
            return year_period(min(years) + 1, years[-1], "年均")
        return None

    def _paragraph_head(self, pos: int) -> Period | None:
        """The latest time expression opening a sentence of the paragraph before pos ("2025年，
        全省…", "今年前11个月，…"): it governs the sentences after it until another opens one."""
        section = self.sections.start_at(pos)
        paragraph = max(_last_before(self._paragraph_ends, pos), section)
        i = bisect.bisect_left(self._head_starts, pos) - 1
        if i >= 0 and self._head_starts[i] >= paragraph:
            mark = self._anchored(self._local(self._heads[i], pos), pos)
            return mark.period if mark is not None else None
        if paragraph > section and self._continues(paragraph) and not self.marks.in_range(paragraph, pos):
            # "从企业数量来看，分别有9家…": the paragraph before's opening time expression governs it
            before = paragraph - 1
            while before > section and before > paragraph - PARAGRAPH_GAP and self.text[before - 1].isspace():
                before -= 1
            previous = max(_last_before(self._paragraph_ends, before), section)
            if i >= 0 and self._head_starts[i] >= previous:
                mark = self._local(self._heads[i], pos)
                return mark.period if mark is not None else None
        return None

    def _anchored(self, mark: Mark | None, pos: int) -> Mark | None:
        """A stretch counted back (五年来, 过去五年) in a section reviewing a year its heading names
        ("“十三五”及2020年工作回顾") ends in that year, not in the year the document's date implies:
        the heading comes first (GUIDE "Periods"), so a date set a year late moves none of it."""
        if mark is None or not mark.years:
            return mark
        section = self.sections.period_at(pos)
        reported = self.reporting.year
        if section is None or reported is None:
            return mark
        last = int(section.end[:4])
        if last > reported or last == int(mark.period.end[:4]):
            return mark  # a plan's section looks ahead: its stretches are not a review's
        return replace(mark, period=year_period(last - mark.years + 1, last, mark.period.text))

    def _joined(self, mark: Mark, later: Mark) -> bool:
        """'今年以来截至6月11日': a since and the cut-off that bounds it, told as one."""
        gap = self.norm[mark.end : later.start]
        return (
            mark.since
            and later.until
            and gap.startswith(self.words.of("since"))
            and gap.endswith(self.words.of("until"))
        )

    def _continues(self, paragraph: int) -> bool:
        lead = self.norm[paragraph : paragraph + CONTINUES_LEAD].lstrip()
        for word in self.words.of("continues"):
            first, gap, last = word.partition("…")
            if not gap:
                if lead.startswith(first):
                    return True
            elif lead.startswith(first):
                comma = lead.find(",")
                if comma > 0 and lead[:comma].endswith(last):
                    return True
        return False

    def _same_period(self, sentence: int, pos: int) -> Period | None:
        """'出口机电产品2712.2亿元，占同期出口总值超五成': the period the section spoke of last."""
        end = _next_after(self._sentence_ends, pos)
        i = bisect.bisect_left(self._cues["same_period"], sentence)
        cues = self._cues["same_period"]
        if i >= len(cues) or cues[i] >= end:
            return None
        if self.norm[max(0, cues[i] - 2) : cues[i]] in ("上年", "去年") or self.norm[cues[i] - 1 : cues[i]] == "比":
            return None  # 上年同期: a base
        mark = self.marks.last_before(sentence, self.sections.start_at(pos))
        mark = self._local(mark, pos)
        return mark.period if mark is not None else None

    def _bounded(self, mark: Mark | None, sentence: int) -> Mark | None:
        """截至5月底，…今年以来涨幅: what runs since a date runs up to the sentence's 截至, not the
        document's date."""
        if mark is None or not mark.since:
            return mark
        for m in reversed(self.marks.in_range(max(sentence, mark.start - SENTENCE_REACH), mark.start)):
            if m.until and m.period.end >= mark.period.start:
                return replace(mark, period=Period(mark.period.start, m.period.end, mark.period.text))
        return mark

    def _local(self, mark: Mark | None, pos: int) -> Mark | None:
        """A relative year (今年) in a section whose heading dates it speaks from that date."""
        if mark is None or (mark.shift is None and mark.years is None and not mark.after_reported):
            return mark
        reported = self.reporting.period
        if mark.shift is not None and self.norm.startswith("同期", mark.end) and reported is not None:
            if reported.start[:4] == reported.end[:4] and reported.label() != reported.start[:4]:
                shift = mark.shift  # 去年同期 in a report on 2022's first quarter: 2021's first quarter
                start, end = _shifted(reported.start, shift), _shifted(reported.end, shift)
                return replace(mark, period=Period(start, end, mark.period.text))
        if mark is not None and mark.after_reported:
            section = self.sections.period_at(pos)
            if section is not None and section.label() == section.start[:4]:
                return replace(mark, period=section)  # 新的一年 under "二、2011年工作安排": that year
            return mark
        year = self.sections.year_at(pos)
        if year is None:
            return mark
        if mark.years is not None:  # 过去的一年 in a report of 2018: 2017
            return replace(mark, period=year_period(year - mark.years, year - 1, mark.period.text))
        year += mark.shift or 0
        return replace(mark, period=year_period(year, year, mark.period.text))

    def _find_heads(self) -> tuple[list[int], list[Mark]]:
        heads: list[Mark] = []
        for sentence in [0, *self._sentence_ends]:
            mark = self.marks.first_in(sentence, sentence + CLAUSE_LEAD + PARAGRAPH_HEAD)
            if mark is None or mark.base:
                continue
            lead = self.norm[sentence : mark.start].strip()
            if mark.until:
                lead = next((lead[: -len(w)] for w in self.words.of("until") if lead.endswith(w)), lead)
            # "2025年，", "同时，今年以来，"; or a cut-off after a source's clause ("数据显示，截至6月11日，")
            told = lead.endswith(",") and len(lead) <= CLAUSE_LEAD and not any(c.isdigit() for c in lead)
            if not (
                len(lead) <= SENTENCE_LEAD
                and mark.end <= sentence + PARAGRAPH_HEAD
                or told
                and (mark.until or mark.since)
            ):
                continue
            for later in self.marks.in_range(mark.end, mark.start + PARAGRAPH_HEAD):
                if (later.start - mark.end <= 1 or self._joined(mark, later)) and not later.base:
                    mark = later  # 今年前11个月: the months, not the year alone; 今年以来截至6月11日
            tail = self.norm[mark.end : mark.end + SENTENCE_TAIL]  # norm writes ， as ,
            if "," in tail:
                heads.append(mark)
        return [m.start for m in heads], heads


def _ratio_terms(text: str, figures: list[Figure]) -> dict[int, Figure]:
    """The later terms of each ratio (21.3∶41.6∶37.1), by start, with the ratio's first term."""
    first: dict[int, Figure] = {}
    for before, figure in itertools.pairwise(figures):
        shares = figure.kind is Kind.PERCENT and before.kind is Kind.PERCENT  # a ratio is read as shares
        if shares and figure.start == before.end + 1 and text[before.end] in RATIO_SEP:
            first[figure.start] = first.get(before.start, before)
    return first


def _positions(norm: str, words: tuple[str, ...]) -> list[int]:
    if not words:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in words))
    return [m.start() for m in pattern.finditer(norm)]


def _any_between(positions: list[int], low: int, high: int) -> bool:
    i = bisect.bisect_left(positions, low)
    return i < len(positions) and positions[i] < high


def _shifted(iso: str, years: int) -> str:
    """An ISO date moved by whole years (29 February to 28 February)."""
    day = date.fromisoformat(iso)
    if not 1 <= day.year + years <= 9999:
        return iso
    try:
        return day.replace(year=day.year + years).isoformat()
    except ValueError:
        return day.replace(year=day.year + years, day=28).isoformat()


def _next_after(ends: list[int], pos: int) -> int:
    i = bisect.bisect_right(ends, pos)
    return ends[i] if i < len(ends) else 1 << 62


def _last_before(ends: list[int], pos: int) -> int:
    """The start of the stretch holding pos: the last boundary end at or before it, else 0."""
    i = bisect.bisect_right(ends, pos) - 1
    return ends[i] if i >= 0 else 0
