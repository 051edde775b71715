"""A stand-in for the rules while they are written elsewhere: a 其中 figure larger than the figure
before it is a finding of rule "part-exceeds-total" (the tests of the places findings show in put
it in the runner with monkeypatch)."""
from reviewer.checks.model import Finding, Severity

TEXT = "全市规模以上工业增加值1000亿元，其中，高技术制造业增加值1200亿元。\n"
HOLDING = "全市规模以上工业增加值1000亿元，其中，高技术制造业增加值200亿元。\n"


def part_exceeds_total(document):
    figures = [f for f in document.figures if f.value is not None]
    for total, part in zip(figures, figures[1:], strict=False):
        if "其中" in document.text[total.end:part.start] and part.value > total.value:
            yield Finding("part-exceeds-total", Severity.ERROR,
                          f"其中 part {part.text} is larger than its total {total.text}", (part, total))


def install(monkeypatch):
    import reviewer.checks.runner

    monkeypatch.setattr(reviewer.checks.runner, "document_rules", lambda: {"part-exceeds-total": part_exceeds_total})
