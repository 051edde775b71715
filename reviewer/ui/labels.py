"""Words the interface shows for the engine's vocabulary, translated through Qt."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from reviewer.model import Kind, Status


def tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_label(status: Status) -> str:
    return {Status.PENDING: tr("pending"), Status.CONFIRMED: tr("confirmed"),
            Status.CORRECTED: tr("corrected"), Status.REJECTED: tr("rejected")}[Status(status)]


def kind_label(kind: Kind) -> str:
    return {Kind.MONEY: tr("money"), Kind.QUANTITY: tr("quantity"), Kind.PERCENT: tr("percent"),
            Kind.PP: tr("percentage points"), Kind.MULTIPLE: tr("multiple"), Kind.FRACTION: tr("fraction"),
            Kind.RANK: tr("rank"), Kind.DATE: tr("date")}[Kind(kind)]


def format_value(value: Decimal | None) -> str:
    """8060000000 -> '8,060,000,000'; 0.666666 -> '0.6667'."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text
