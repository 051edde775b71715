"""Reading numbers written in Arabic digits (half or full width) and in Chinese numerals.

Values are exact `Decimal`s. Every function returns None for text that is not a well-formed
number instead of raising, so the scanner can simply move on.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
# Traditional and formal (financial) numerals and the traditional characters written with numbers,
# mapped one character to one, so the text the scanner reads keeps every offset of the original and
# every reader and word list sees the simple forms: 萬 億 兩 點 個 餘 幾, 壹 贰/貳 叁/參 肆 伍 陆/陸 柒
# 捌 玖 拾 佰 仟. Figures still quote the original text.
TRADITIONAL = "萬億兩點個餘幾"
FORMAL = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
FULLWIDTH.update(str.maketrans(TRADITIONAL + FORMAL, "万亿两点个余几" + "一二二三三四五六六七八九十百千"))
# The traditional forms of the other characters of the words around a number (units and currencies,
# qualifiers, the words of durations and dates: 噸 輛 項 條 幣 鎊, 約 達 超過, 連續 歷時 小時 號 屆 ...),
# each to its one simplified form; only characters simplified text does not use, so simplified text
# reads as before.
TRADITIONAL_WORDS = dict(
    pair.split(":")
    for pair in (
        "亞:亚 畝:亩 僅:仅 內:内 冊:册 準:准 盧:卢 歷:历 曆:历 釐:厘 雙:双 隻:只 臺:台 後:后 噸:吨 週:周 場:场 "
        "塊:块 堅:坚 處:处 頭:头 學:学 對:对 將:将 爾:尔 屆:届 歲:岁 幣:币 開:开 當:当 戶:户 擔:担 時:时 條:条 "
        "來:来 標:标 棟:栋 歐:欧 電:电 盞:盏 種:种 類:类 約:约 級:级 納:纳 線:线 續:续 縮:缩 裝:装 計:计 車:车 "
        "輪:轮 輛:辆 達:达 過:过 這:这 連:连 裏:里 裡:里 鐘:钟 錢:钱 銖:铢 鎊:镑 長:长 門:门 間:间 韓:韩 頃:顷 "
        "項:项 馬:马 碼:码 侖:仑 茲:兹 攝:摄 華:华 節:节 轉:转 張:张 筆:笔 蘭:兰 為:为 於:于 號:号 圓:圆 億:亿"
    ).split()
)
FULLWIDTH.update(str.maketrans("".join(TRADITIONAL_WORDS), "".join(TRADITIONAL_WORDS.values())))

# Longer runs are identifiers or codes, never a quantity somebody reports.
MAX_DIGITS = 16
# The longest scale word read ("千万亿" is three); a longer run of 万 and 亿 is no number, and
# multiplying it out would overflow the decimal context.
MAX_SCALE = 6

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
    "貳": 2,
    "參": 3,
    "陸": 6,
}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)


def parse_arabic(text: str) -> Decimal | None:
    """'1,425,918' -> 1425918; '８０．６' -> 80.6."""
    plain = text.translate(FULLWIDTH).replace(",", "")
    if not plain or len(plain.replace(".", "")) > MAX_DIGITS:
        return None
    try:
        return Decimal(plain)
    except InvalidOperation:
        return None


def parse_chinese(text: str) -> Decimal | None:
    """'一千二百' -> 1200, '两千' -> 2000, '千亿' -> 1e11, '二〇二五' -> 2025, '三点五' -> 3.5."""
    if not text or len(text) > 24:
        return None
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = parse_chinese(whole)
        if head is None or not frac or any(c not in CN_DIGITS for c in frac):
            return None
        return head + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    if all(c in CN_DIGITS for c in text):
        if len(text) == 1:
            return Decimal(CN_DIGITS[text])
        return Decimal("".join(str(CN_DIGITS[c]) for c in text))  # positional: 二〇二五
    return _parse_grouped(text)


def _parse_grouped(text: str) -> Decimal | None:
    """Numbers with multipliers: split at the highest of 亿 and 万, read each side."""
    value = _parse_big(text)
    return None if value is None else Decimal(value)


def _parse_big(text: str) -> int | None:
    for big_char, big in (("亿", 100_000_000), ("万", 10_000)):
        at = text.rfind(big_char)
        if at >= 0:
            left, right = text[:at], text[at + 1 :]
            high = _parse_big(left) if left else 1
            low: int | None
            if left and len(right) == 1 and CN_DIGITS.get(right):
                low = CN_DIGITS[right] * big // 10  # shortened: "一万二" is 12000, "一亿二" 1.2亿
            else:
                low = _parse_big(right) if right else 0
            if high is None or low is None or (right and low >= big):
                return None
            return high * big + low
    return _parse_section(text)


def _parse_section(text: str) -> int | None:
    """A number below 万: digits with 十, 百, 千 and 零 ('一千零五十' -> 1050). A lone digit after
    a multiplier with a digit of its own takes the next lower unit, as a reader says it: '三百五'
    is 350, '三千六百五' 3650; after 零 it is units ('一千零五' is 1005)."""
    total, digit, last_unit = 0, None, 10_000
    shortened = False  # a digit after 百 or 千 that had a digit of its own, with no 零 between
    for ch in text:
        if ch in "零〇":
            shortened = False
            if digit is not None:
                return None
        elif ch in CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row: "十五五" is a label, not a number
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= last_unit:
                return None  # "百千" is not a number
            total += (1 if digit is None else digit) * unit
            shortened = digit is not None and unit >= 100
            digit, last_unit = None, unit
        else:
            return None
    if digit and shortened:
        return total + digit * last_unit // 10
    return total + (digit or 0)


def parse_chinese_range(text: str) -> tuple[Decimal, Decimal] | None:
    """'六七' -> (6, 7), '三四十' -> (30, 40): two neighbouring digits name a range."""
    if len(text) < 2 or text[0] not in CN_DIGITS or text[1] not in CN_DIGITS:
        return None
    a, b = CN_DIGITS[text[0]], CN_DIGITS[text[1]]
    if b != a + 1 or a == 0:
        return None
    rest = text[2:]
    low = parse_chinese(text[0] + rest)
    high = parse_chinese(text[1] + rest)
    if low is None or high is None:
        return None
    return low, high


def scale_factor(text: str) -> Decimal | None:
    """'万' -> 1e4, '亿' -> 1e8, '千万' -> 1e7, '万亿' -> 1e12."""
    factor = Decimal(1)
    if not text:
        return factor
    if len(text) > MAX_SCALE:
        return None
    for ch in text:
        if ch in CN_SMALL_UNITS:
            factor *= CN_SMALL_UNITS[ch]
        elif ch in CN_BIG_UNITS:
            factor *= CN_BIG_UNITS[ch]
        else:
            return None
    return factor
