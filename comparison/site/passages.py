"""Where each curated quote stands in its source text.

Quotes are found as :mod:`comparison.validate` finds them: verbatim, or else
in the form of :func:`comparison.script.match_key` (NFKC, Traditional to
Simplified, no whitespace), which makes Traditional texts and the PDF-spaced
text match. :func:`keyed_text` builds that form of a whole text together with
the position in the original text of each of its characters, so that a match
found in the normalised form maps back to a span of the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from comparison.script import match_key, to_simplified


@dataclass(frozen=True)
class KeyedText:
    """A text in :func:`~comparison.script.match_key` form; ``origin[i]`` is the index in the original text of ``key[i]``."""

    key: str
    origin: list[int]


def keyed_text(text: str) -> KeyedText:
    """``match_key(text)`` with the original position of every character it keeps.

    NFKC is applied character by character (a character may become several,
    such as ㎡ → m2, each mapped to the one it came from); Traditional to
    Simplified keeps the length of almost every line, and a line whose length
    it changes is converted character by character instead.
    """
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        norm = ch if ch.isascii() else unicodedata.normalize("NFKC", ch)
        chars.extend(norm)
        origin.extend([i] * len(norm))
    nfkc = "".join(chars)
    lines = nfkc.split("\n")
    converted = to_simplified(nfkc).split("\n")
    if len(converted) != len(lines):
        converted = [to_simplified(line) for line in lines]
    simple = []
    for line, conv in zip(lines, converted):
        if len(conv) != len(line):
            conv = "".join(to_simplified(c) if len(to_simplified(c)) == 1 else c for c in line)
        simple.append(conv)
    flat = "\n".join(simple)
    key, kept = [], []
    for ch, pos in zip(flat, origin):
        if not ch.isspace():
            key.append(ch)
            kept.append(pos)
    return KeyedText("".join(key), kept)


def locate(text: str, quote: str, keyed: KeyedText | None = None) -> tuple[int, int] | None:
    """The span ``(start, end)`` of ``quote`` in ``text``: verbatim, else in match-key form; ``None`` when absent.

    The first occurrence is taken. ``keyed`` is :func:`keyed_text` of
    ``text``, passed in when several quotes are located in one text.
    """
    if not quote:
        return None
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    qkey = match_key(quote)
    if not qkey:
        return None
    keyed = keyed or keyed_text(text)
    at = keyed.key.find(qkey)
    if at < 0:
        return None
    return keyed.origin[at], keyed.origin[at + len(qkey) - 1] + 1


def locate_rows(text: str, rows: pd.DataFrame, *, id_col: str) -> pd.DataFrame:
    """Every row's quote located in ``text``.

    ``rows`` has columns ``id_col`` and ``quote``. Returns one row per input
    row: ``row_id``, ``start`` and ``end`` (character offsets in ``text``,
    ``<NA>`` when the quote was not found) and ``found`` (bool).
    """
    keyed = None
    starts, ends = [], []
    for quote in rows["quote"].fillna("").astype(str).tolist():
        span = None
        if quote and quote in text:
            span = locate(text, quote)
        elif quote:
            keyed = keyed or keyed_text(text)
            span = locate(text, quote, keyed)
        starts.append(span[0] if span else pd.NA)
        ends.append(span[1] if span else pd.NA)
    out = pd.DataFrame({"row_id": rows[id_col].astype(str).tolist(), "start": starts, "end": ends}, dtype=object)
    out["start"] = out["start"].astype("Int64")
    out["end"] = out["end"].astype("Int64")
    out["found"] = out["start"].notna()
    return out


# --------------------------------------------------------------------------- defects of a text
#: Lines of a web page or a document-sharing site around the document itself.
_FURNITURE = re.compile(
    r"您现在的位置|首页\s*>|浏览量|联系我们|版权所有|版权声明|Copyright|All Rights Reserved|ICP备|技术支持|返回顶部|"
    r"温馨提示|上传分享|下载原文档|微信公众号|二维码|热线|\d{3,4}-\d{7,8}"
)
#: Snippets that notes quote: between straight or curly quotes or 「」.
_QUOTED = re.compile(r"'([^']{2,60})'|‘([^’]{2,60})’|“([^”]{2,60})”|「([^」]{2,60})」")
#: Tokens of notes that carry a sign of mojibake: a question mark or a replacement character among other characters.
_MOJIBAKE_TOKEN = re.compile(r"[^\s,;，；()（）]*[?\ufffd][^\s,;，；()（）]*")


@dataclass(frozen=True)
class Defect:
    """A stretch of a source text that is not as the document was: ``kind`` is ``mojibake``, ``artefact`` or ``wrapper``."""

    start: int
    end: int
    kind: str


def find_defects(text: str, notes: str) -> list[Defect]:
    """The defects of ``text`` that can be pointed at, with the source's ``notes`` as the curators' record.

    * ``mojibake`` — every token of the notes with a ``?`` or U+FFFD in it,
      and every U+FFFD of the text;
    * ``artefact`` — every other snippet the notes quote that occurs verbatim
      in the text (such as a word processor's ``[bookmark: _GoBack]``);
    * ``wrapper`` — a web page's or a sharing site's header and footer: the
      lines from the start of the text to the last line of page furniture
      (phone numbers, "you are here", page views, ICP number, preview notice …)
      in its first quarter, and from the first such line in its last quarter (or
      last three lines) to the end.
    """
    notes = notes or ""
    defects: list[Defect] = []
    seen: set[tuple[int, int]] = set()

    def add(start: int, end: int, kind: str) -> None:
        if (start, end) not in seen and end > start:
            seen.add((start, end))
            defects.append(Defect(start, end, kind))

    tokens = {m.group(0).strip("'\"‘’“”.。") for m in _MOJIBAKE_TOKEN.finditer(notes)}
    for token in sorted(t for t in tokens if len(t) >= 2 and not t.isascii()):
        for m in re.finditer(re.escape(token), text):
            add(m.start(), m.end(), "mojibake")
    for m in re.finditer("\ufffd+", text):
        add(m.start(), m.end(), "mojibake")
    for m in _QUOTED.finditer(notes):
        snippet = next(g for g in m.groups() if g)
        if "?" in snippet:
            continue
        for hit in re.finditer(re.escape(snippet), text):
            if not _is_quote_like(text, hit.start(), hit.end()):
                add(hit.start(), hit.end(), "artefact")
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    n = len(lines)
    furniture = [i for i, line in enumerate(lines) if _FURNITURE.search(line)]
    head = [i for i in furniture if i < n // 4]
    tail = [i for i in furniture if i >= min(n - n // 4, n - 3)]
    if head:
        add(0, offsets[head[-1] + 1] - 1, "wrapper")
    if tail:
        add(offsets[tail[0]], len(text), "wrapper")
    return sorted(defects, key=lambda d: (d.start, d.end))


def _is_quote_like(text: str, start: int, end: int) -> bool:
    """Whether a snippet the notes cite is an example of the document's own wording rather than an artefact.

    Notes also quote the text to show a peculiarity that is not an artefact of
    its own, such as the stray spaces of a PDF ('2.4 万名'): a snippet with a
    space between CJK characters or digits is shown as part of the text.
    """
    snippet = text[start:end]
    return bool(re.search(r"[\d\u4e00-\u9fff]\s+[\d\u4e00-\u9fff]", snippet)) and "[" not in snippet
