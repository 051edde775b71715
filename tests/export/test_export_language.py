"""An export in Chinese is Chinese in every cell the program writes: kinds (also in CSV), audit
actions (decide, undo), changed fields and confidence reasons, whatever the interface's language."""
import csv

import pandas as pd

from reviewer import i18n
from reviewer.export import ExportOptions, export
from reviewer.model import Status
from tests.conftest import translations_of


def rows_of_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_kinds_and_states_in_the_exports_language(project, tmp_path):
    zh, en = tmp_path / "zh.csv", tmp_path / "en.csv"
    export(project, zh, ExportOptions(states=frozenset(Status)))
    export(project, en, ExportOptions(states=frozenset(Status), language="en"))
    kinds_zh = {row["类型"] for row in rows_of_csv(zh)}
    kinds_en = {row["Kind"] for row in rows_of_csv(en)}
    assert "金额" in kinds_zh and "money" not in kinds_zh and not kinds_zh & {"quantity", "percent"}
    assert "money" in kinds_en
    assert {row["状态"] for row in rows_of_csv(zh)} <= {"待核", "已确认", "已更正", "已否决"}


def test_audit_actions_and_changes_in_chinese(project, tmp_path):
    figure = project.figures()[3]
    project.decide(figure.id, Status.CONFIRMED)
    project.undo()
    out = tmp_path / "log.xlsx"
    export(project, out)
    log = pd.read_excel(out, sheet_name="记录")
    actions = set(log["操作"])
    assert {"导入", "核定", "撤销"} <= actions
    assert not actions & {"import", "decide", "undo"}
    changes = " ".join(str(v) for v in log["新值"].dropna())
    assert "状态=已确认" in changes and "status=" not in changes


def test_confidence_reasons_in_the_exports_language(project, tmp_path, monkeypatch):
    reasons = {f.reason for f in project.figures() if f.reason}
    assert reasons
    english = sorted({part for r in reasons for part in r.split("; ")})
    chinese = {part: f"中文{n}" for n, part in enumerate(english)}
    monkeypatch.setattr(i18n, "catalog", lambda language: translations_of(chinese if language == i18n.CHINESE else {}))
    zh, en = tmp_path / "zh.xlsx", tmp_path / "en.xlsx"
    export(project, zh, ExportOptions(states=frozenset(Status)))  # the interface is English (conftest)
    export(project, en, ExportOptions(states=frozenset(Status), language="en"))
    shown_zh = set(pd.read_excel(zh, sheet_name="全部")["置信度依据"].dropna())
    shown_en = set(pd.read_excel(en, sheet_name="All figures")["Why this confidence"].dropna())
    assert shown_en == reasons
    assert shown_zh == {"; ".join(chinese[p] for p in r.split("; ")) for r in reasons}
