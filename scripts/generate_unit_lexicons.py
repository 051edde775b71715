"""Generate the engine's unit, currency and measure-word lexicons from maintained sources.

    python scripts/generate_unit_lexicons.py          # rewrite the generated files
    python scripts/generate_unit_lexicons.py --check  # exit 1 if a generated file is out of date

Writes, in resources/lexicons/:
- cldr_units.tsv: CLDR's unit names for Chinese (babel's locale data for zh: long, short and
  narrow forms, "{0}公里", "{0}kW"), with the Latin symbols of the English short forms ("km",
  "kg") for units of measurement.
- cldr_currencies.tsv: CLDR's Chinese currency names (美元, 哈萨克斯坦坚戈) and their short forms
  without the country (坚戈, 兰特, 里亚尔), derived by one rule: strip the longest leading CLDR
  territory name (or beginning of one: 沙特 of 沙特阿拉伯) when at least two characters remain.
- jieba_measure_words.tsv: the words jieba's dictionary tags q (measure word), seen at least
  MIN_FREQ times.

Each is filtered by a reviewed exclusion list kept as data in scripts/lexicon_sources/ (words
unsafe after a number: 5G, 4K, A股, 5代). Words the hand-kept files (units.tsv, currencies.tsv)
already list are left out: the hand-kept rows, loaded after the generated ones, stay the place
for corrections and for what the sources lack (标箱, 个百分点, kV, 艘, 延米).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "resources" / "lexicons"
SOURCES = Path(__file__).resolve().parent / "lexicon_sources"
COMMAND = "python scripts/generate_unit_lexicons.py"
MIN_FREQ = 20  # jieba words seen less often are mostly rare or literary

# CLDR unit categories whose English short symbols are written in Chinese text too (km, kg, MW).
LATIN_CATEGORIES = (
    "area", "concentr", "consumption", "digital", "electric", "energy", "frequency", "length", "light",
    "mass", "power", "pressure", "speed", "temperature", "volume",
)
PERCENT_UNITS = {"concentr-percent": "%", "concentr-permille": "‰", "concentr-permyriad": "‱"}
# Spellings of one unit that the gold writes one way.
NORMALIZED = {"°C": "℃", "摄氏度": "℃", "°F": "℉", "华氏度": "℉", "公吨": "吨", "平方千米": "平方公里"}
DURATION = {"duration-century", "duration-year", "duration-month", "duration-week"}
TIME = {"duration-day", "duration-hour", "duration-minute", "duration-second", "duration-millisecond",
        "duration-microsecond", "duration-nanosecond"}
# The base units of measurement in Chinese unit names (公尺, 千瓦小时, 吨公里): a q word ending
# in one measures an amount; other q words count things (集, 段, 杯).
MEASURE_ENDS = "米里尺寸克升瓦伏亩顷吨时"
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def _excluded(name: str) -> set[str]:
    """A reviewed list: one entry a line, comment lines start with '# ' (a lone '#' is an entry)."""
    words = set()
    for line in (SOURCES / name).read_text(encoding="utf-8").split("\n"):
        line = line.strip()
        if line and not line.startswith("# "):
            words.add(line)
    return words


def _hand_kept() -> set[str]:
    words = set()
    for name in ("units.tsv", "currencies.tsv"):
        for line in (LEXICONS / name).read_text(encoding="utf-8").split("\n"):
            if line.strip() and not line.lstrip().startswith("#"):
                words.add(line.split("\t")[0].strip())
    return words


def _suffix_forms(data, key: str, widths: tuple[str, ...]) -> list[str]:
    """The written units of one CLDR unit: the X of every "{0}X" pattern (forms that put the
    number elsewhere, 每小时{0}公里, 百万分之{0}, are left out)."""
    forms = []
    entry = data.get(key) or {}
    for width in widths:
        patterns = entry.get(width) or {}
        for plural, pattern in patterns.items():
            if plural == "per" or not isinstance(pattern, str) or not pattern.startswith("{0}"):
                continue
            written = pattern[3:].strip()
            if written and "{" not in written and " " not in written and "[" not in written:
                forms.append(written)
    return forms


def cldr_units(hand: set[str]) -> list[tuple[str, str, str, str]]:
    from babel import Locale

    excluded = _excluded("cldr_units_excluded.txt")
    kept_letters = _excluded("single_letter_symbols_kept.txt")
    zh = Locale("zh")._data["unit_patterns"]
    en = Locale("en")._data["unit_patterns"]
    rows: dict[str, tuple[str, str, str, str]] = {}
    clashes: set[str] = set()
    for key in zh:
        forms = _suffix_forms(zh, key, ("long", "short", "narrow"))
        if key.split("-")[0] in LATIN_CATEGORIES:
            forms += [f for f in _suffix_forms(en, key, ("short", "narrow")) if not CJK.search(f)]
        kind = "percent" if key in PERCENT_UNITS else "quantity"
        tags = "duration" if key in DURATION else "time" if key in TIME else ""
        for written in dict.fromkeys(forms):
            if written in excluded or written in hand:
                continue
            if len(written) == 1 and LATIN.match(written) and written not in kept_letters:
                continue  # 5G, 4K, 5A级, 1T: one Latin letter after a number is rarely a unit
            if CJK.search(written) and LATIN.search(written):
                continue  # mixed forms (4 cup Imp.) are not written in Chinese text
            unit = PERCENT_UNITS.get(key) or NORMALIZED.get(written, written)
            row = (written, kind, unit, tags)
            if written in rows and rows[written][2] != unit:
                clashes.add(written)  # one spelling, two units (pt: pint and point): unsafe
            rows.setdefault(written, row)
    return [row for written, row in rows.items() if written not in clashes]


def cldr_currencies(hand: set[str]) -> list[tuple[str, str]]:
    from babel import Locale

    zh = Locale("zh")
    excluded = _excluded("currency_short_excluded.txt")
    places = sorted(set(zh.territories.values()), key=len, reverse=True)
    rows: dict[str, str] = {}
    shorts: dict[str, set[str]] = {}
    for code, name in sorted(zh.currencies.items()):
        if code.startswith("X") and code not in ("XAF", "XOF", "XPF", "XCD"):
            continue  # metals, funds, units of account, test codes
        if re.search(r"[()（）0-9\-–]", name) or name.startswith("旧"):
            continue  # former currencies ("(1927–2002)") and double names
        if name not in hand:
            rows.setdefault(name, name)
        short = _short_currency(name, places)
        if short and short not in excluded:
            shorts.setdefault(short, set()).add(name)
    for short in sorted(shorts):
        if short not in hand and short not in rows:
            rows[short] = short
    return sorted(rows.items())


def _short_currency(name: str, places: list[str]) -> str | None:
    """The currency word of name without its country: 哈萨克斯坦坚戈 -> 坚戈, 沙特里亚尔 -> 里亚尔."""
    best = 0
    for cut in range(2, len(name) + 1):
        head = name[:cut]
        if any(place.startswith(head) for place in places):
            best = cut
    rest = name[best:]
    return rest if best and len(rest) >= 2 else None


def _jieba_dictionary() -> Path:
    import jieba

    return Path(jieba.__file__).resolve().parent / "dict.txt"


def jieba_measure_words(hand: set[str], units: list, currencies: list) -> list[tuple[str, str, str, str]]:
    excluded = _excluded("jieba_q_excluded.txt")
    generated = {row[0] for row in units} | {row[0] for row in currencies}
    rows = []
    for line in _jieba_dictionary().read_text(encoding="utf-8").split("\n"):
        parts = line.split()
        if len(parts) != 3 or parts[2] != "q" or int(parts[1]) < MIN_FREQ:
            continue
        word = parts[0]
        if word in excluded or word in hand or word in generated or not all(CJK.match(c) for c in word):
            continue
        if word.endswith(("元", "镑", "币")):
            continue  # currencies (加元, 英镑): currencies.tsv lists them as money
        if word[-1] in MEASURE_ENDS:
            rows.append((word, "quantity", word, ""))
        elif len(word) == 1:
            # 三集, 一段: after a small Chinese numeral often a set label; and 集 begins 集团
            rows.append((word, "quantity", word, "count,rhetorical,word_start"))
        else:
            rows.append((word, "quantity", word, "count"))
    return sorted(rows, key=lambda r: r[0])


def _header(title: str, source: str, columns: str) -> str:
    return (
        f"# {title}\n"
        f"# GENERATED by `{COMMAND}` from {source}; do not edit by hand:\n"
        "# add or correct words in units.tsv / currencies.tsv (loaded after this file, they win),\n"
        "# or leave one out through scripts/lexicon_sources/ and run the command again.\n"
        f"# columns: {columns}\n"
    )


def render() -> dict[str, str]:
    import babel
    import jieba

    hand = _hand_kept()
    units = cldr_units(hand)
    currencies = cldr_currencies(hand)
    measure = jieba_measure_words(hand, units, currencies)
    unit_cols = "written <TAB> kind <TAB> normalized unit <TAB> tags (see units.tsv)"
    files = {
        "cldr_units.tsv": _header(
            "Units of measurement from CLDR's Chinese unit names",
            f"babel {babel.__version__} (CLDR, zh and en)",
            unit_cols,
        )
        + "".join("\t".join(c for c in row if c) + "\n" for row in units),
        "cldr_currencies.tsv": _header(
            "Currency names from CLDR, with their short forms", f"babel {babel.__version__} (CLDR, zh)",
            "written <TAB> normalized unit",
        )
        + "".join(f"{written}\t{unit}\n" for written, unit in currencies),
        "jieba_measure_words.tsv": _header(
            "Measure words of jieba's dictionary (tag q)", f"jieba {jieba.__version__} dict.txt", unit_cols
        )
        + "".join("\t".join(c for c in row if c) + "\n" for row in measure),
    }
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report out-of-date files instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for name, text in render().items():
        path = LEXICONS / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {text.count(chr(10)) - 5} rows")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
