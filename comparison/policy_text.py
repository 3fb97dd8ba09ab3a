"""Reading a policy document and laying it out for analysis.

:func:`read_policy_text` turns a file into text: UTF-8 (with or without a
byte-order mark), UTF-16 and UTF-32 with a byte-order mark, GB18030/GBK or Big5, detected
or named. Anything else (a missing, empty or binary file, bytes no encoding
reads, a named pipe or other file that is not a regular file) raises
:class:`comparison.errors.UserError` with a one-line message.

:class:`PolicyText` keeps the original text and derives the *analysis text*
from it: Unicode NFKC (full-width digits and punctuation to ASCII),
Traditional to Simplified (one OpenCC call for the whole text) and no
horizontal whitespace (the PDF-extracted texts put spaces inside words and
numbers); line breaks stay. Every character of the analysis text knows the
character of the original it came from, so that a passage found in the
analysis text can be quoted verbatim, in the document's own script. The class
also splits the text into sentences (ended by 。；！？ or a line break; a
*period* runs on across semicolons), clauses (between commas) and segments
(between 、), and reads the document's own numbering (一、 (一) 1. ① 第X条) so
that every position has a clause label such as ``二、(一)1``.
"""

from __future__ import annotations

import codecs
import difflib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from pathlib import Path

from comparison.charsets import chinese_plausibility, text_encoding, utf16_without_bom
from comparison.errors import UnsafePathError, UserError, display_path, shown
from comparison.paths import read_regular_bytes

#: A policy document is read only up to this size (the longest in the corpus is well under 1 MB).
POLICY_MAX_BYTES = 50_000_000
#: Legacy Chinese encodings tried, in this order, when a file is not UTF-8.
LEGACY_ENCODINGS = ("gb18030", "big5")
#: A line at least this long that ends without punctuation was wrapped inside a sentence (PDF text).
WRAP_WIDTH = 20
#: A paragraph's lead phrase (its first sentence) is at most this long.
LEAD_PHRASE_MAX = 30

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Enclosed numbers (①, ⑴) are list markers; NFKC would turn them into plain digits.
_KEEP_AS_IS = re.compile(r"[\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]")
# Whitespace other than the line break (the characters Python's \s matches, less \n).
_HSPACE_CHARS = " \t\r\f\v\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
_HSPACE = re.compile(f"[{_HSPACE_CHARS}]+")
_HSPACE_CODES = [ord(ch) for ch in _HSPACE_CHARS]
_NOT_ASCII_OR_CJK = re.compile(r"[^\x00-\x7f\u4e00-\u9fff]")
_SENTENCE_END = "。;!?\n"
_CLAUSE_END = _SENTENCE_END + ":,"
_SEGMENT_END = re.compile(r"[、。;!?:\n,]")
# A comma between a digit and three digits separates thousands (1,000): it ends no clause.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_QUOTED = re.compile(r"“[^”\n]{1,40}”|《[^》\n]{1,40}》|\([^)\n]{1,40}\)")
_QUOTE_BREAK = re.compile(r"\s*[\n\t\r\f\v]\s*")
_CN_ORDINAL = "一二三四五六七八九十"
_MARKER = re.compile(
    rf"(?=[第{_CN_ORDINAL}(\d\u2460-\u2473])"
    rf"(?:(?:^|(?<=\s))(?P<chapter>第[{_CN_ORDINAL}百零〇\d]+章)"
    rf"|(?:^|(?<=\s))(?P<article>第[{_CN_ORDINAL}百零〇\d]+条)(?=[\s\u4e00-\u9fff])"
    r"|(?:^|(?<=[\s。;!?:]))(?:"
    rf"(?P<l1>[{_CN_ORDINAL}]{{1,3}})、"
    rf"|\((?P<l2>[{_CN_ORDINAL}]{{1,3}})\)"
    r"|(?P<l3>\d{1,2})[.、)](?!\d)(?=\s*[\u4e00-\u9fff“《])"
    r"|\((?P<l4>\d{1,2})\)(?=\s*[\u4e00-\u9fff“《])"
    r"|(?P<l5>[\u2460-\u2473])"
    r"))",
    re.M,
)
_FIRST_SENTENCE = re.compile(r"^[^。;!?\n]*", re.M)
_LINE_MARKER = re.compile(rf"[{_CN_ORDINAL}]+、|\(|第|\d{{1,2}}[.、)]|[\u2460-\u2473]")


# --------------------------------------------------------------------------- reading
def read_policy_text(path: Path | str, encoding: str | None = None) -> str:
    """The text of the policy document at ``path``, with line ends as ``\\n``.

    ``encoding`` names the file's encoding; without it UTF-8 (with or without
    BOM), UTF-16 with BOM, GB18030/GBK and Big5 are recognised. Raises
    :class:`~comparison.errors.UserError` for a missing, empty, binary or
    undecodable file, and for anything that is not a regular file.
    """
    path = Path(path)
    label = display_path(path)
    if encoding is not None and text_encoding(encoding) is None:
        raise UserError(_unknown_encoding(encoding))
    if not path.exists() and not path.is_symlink():
        raise UserError(f"{label}: file not found")
    try:
        raw = read_regular_bytes(path, limit=POLICY_MAX_BYTES)
    except UnsafePathError as exc:
        raise UserError(str(exc)) from None
    return decode_policy_bytes(raw, encoding, label=label)


def _unknown_encoding(encoding: str) -> str:
    """Why ``encoding`` cannot read a text: Python knows no such codec, or it is not a text encoding."""
    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError, ValueError):
        return f"unknown encoding '{shown(encoding)}' (try utf-8, gb18030, gbk or big5)"
    return f"'{shown(encoding)}' is not a text encoding (it turns bytes into bytes); try utf-8, gb18030, gbk or big5"


def decode_policy_bytes(raw: bytes, encoding: str | None = None, *, label: str = "the text") -> str:
    """Decode the bytes of a policy text (see :func:`read_policy_text`)."""
    if not raw.strip():
        raise UserError(f"{label} is empty: expected the text of a policy document")
    if encoding:
        text = _decode_as(raw, encoding, label)
    elif raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text = _decode_as(raw, "utf-32", label)
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_as(raw, "utf-16", label)
    else:
        _reject_binary(raw, label)
        text = _detect_and_decode(raw, label)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise UserError(f"{label} is empty: expected the text of a policy document")
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise UserError(f"{label} is not a text file (it is full of control characters); expected a plain-text policy document")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _reject_binary(raw: bytes, label: str) -> None:
    """Refuse bytes with NUL bytes: no text encoding here but UTF-16 (handled by its byte-order mark) has them."""
    if b"\x00" in raw:
        if codec := utf16_without_bom(raw):
            raise UserError(f"{label} is probably UTF-16 text without a byte-order mark; read it with --encoding {codec}")
        raise UserError(f"{label} is not a text file (it contains NUL bytes); expected a plain-text policy document")


def _decode_as(raw: bytes, encoding: str, label: str) -> str:
    """``raw`` decoded as ``encoding``, with a user error for an unknown encoding or bytes it cannot read."""
    if text_encoding(encoding) is None:
        raise UserError(_unknown_encoding(encoding))
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UserError(f"{label} cannot be read as {encoding}: invalid bytes at offset {exc.start}") from None
    except Exception as exc:  # a codec may raise anything on bytes it was not made for
        raise UserError(f"{label} cannot be read as {encoding}: {exc}") from None
    if not isinstance(text, str):
        raise UserError(_unknown_encoding(encoding))
    return text


def _detect_and_decode(raw: bytes, label: str) -> str:
    """``raw`` decoded as UTF-8, else as the legacy encoding (:data:`LEGACY_ENCODINGS`) that reads it most plausibly."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    readings = []
    for codec in LEGACY_ENCODINGS:
        try:
            readings.append(raw.decode(codec))
        except UnicodeDecodeError:
            continue
    if not readings:
        raise UserError(
            f"{label} is neither UTF-8 (invalid bytes at offset {utf8_error}), GB18030/GBK nor Big5; "
            "save it as UTF-8 or name its encoding with --encoding"
        )
    return max(readings, key=chinese_plausibility)






# --------------------------------------------------------------------------- normalising with a map back
def _nfkc_with_origin(text: str) -> tuple[str, list[int] | None]:
    """NFKC character by character; the origin of each output character (``None``: unchanged positions)."""
    changes = {}
    # ASCII and the CJK Unified Ideographs are stable under NFKC: check only the rest.
    for ch in set(_NOT_ASCII_OR_CJK.findall(text)):
        if not _KEEP_AS_IS.match(ch):
            norm = unicodedata.normalize("NFKC", ch)
            if norm != ch:
                changes[ch] = norm
    if not changes:
        return text, None
    if all(len(v) == 1 for v in changes.values()):
        for old, new in changes.items():
            text = text.replace(old, new)
        return text, None
    pattern = re.compile("[" + "".join(re.escape(c) for c in changes) + "]")
    parts: list[str] = []
    origin: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        start = m.start()
        parts.append(text[last:start])
        origin.extend(range(last, start))
        replacement = changes[m.group()]
        parts.append(replacement)
        origin.extend([start] * len(replacement))
        last = start + 1
    parts.append(text[last:])
    origin.extend(range(last, len(text)))
    return "".join(parts), origin


def _align(before: str, after: str) -> list[int]:
    """For each character of ``after``, a position in ``before`` (when a conversion changed the length)."""
    lines_before, lines_after = before.split("\n"), after.split("\n")
    if len(lines_before) != len(lines_after):
        lines_before, lines_after = [before], [after]
    origin: list[int] = []
    offset = 0
    for a, b in zip(lines_before, lines_after):
        if len(a) == len(b):
            origin.extend(range(offset, offset + len(b)))
        else:
            origin.extend(offset + i for i in _align_line(a, b))
        origin.append(offset + len(a))  # the line break
        offset += len(a) + 1
    return origin[: len(after)]


def _align_line(a: str, b: str) -> list[int]:
    """For each character of ``b`` (``a`` converted to another length), a position in ``a``."""
    origin: list[int] = []
    for _, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        last = max(i1, i2 - 1)
        origin.extend(min(i1 + k, last) for k in range(j2 - j1))
    return origin


def _compose(outer: list[int] | None, inner: list[int] | None) -> list[int] | None:
    """The map ``outer[inner[i]]``; ``None`` stands for the identity."""
    if inner is None:
        return outer
    if outer is None:
        return inner
    import numpy as np

    return np.asarray(outer)[inner].tolist()


def analysis_form(original: str) -> tuple[str, list[int] | None]:
    """NFKC and Simplified form of ``original`` (whitespace kept), and the origin of each of its characters."""
    from comparison.script import to_simplified

    nfkc, origin = _nfkc_with_origin(original)
    simplified = to_simplified(nfkc)
    if len(simplified) != len(nfkc):
        origin = _compose(origin, _align(nfkc, simplified))
    return simplified, origin


def _without_hspace(text: str) -> tuple[str, list[int]]:
    """``text`` without spaces and tabs (line breaks stay), and the position in ``text`` of each character left."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    kept = np.flatnonzero(~np.isin(codes, _HSPACE_CODES)).tolist()
    return _HSPACE.sub("", text), kept


# --------------------------------------------------------------------------- the analysed document
class PolicyText:
    """A policy document: the original text, its analysis text and its layout.

    Positions (``pos``, ``start``, ``end``) index the analysis text
    :attr:`text`; :meth:`quote` copies the matching passage of
    :attr:`original`.
    """

    def __init__(self, original: str):
        self.original = original
        spaced, origin = analysis_form(original)
        self.text, kept = _without_hspace(spaced)
        self._origin = _compose(origin, kept)
        self._spaced_positions = kept
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        not_ends = {start - 1 for start in self._line_starts[1:] if self._is_wrap(start - 1)}
        not_ends |= {m.start() for m in _THOUSANDS.finditer(self.text)}
        ends = [m.start() for m in _SEGMENT_END.finditer(self.text) if m.start() not in not_ends]
        self._clause_ends = [e for e in ends if self.text[e] in _CLAUSE_END]
        self._sentence_ends = [e for e in self._clause_ends if self.text[e] in _SENTENCE_END]
        self._period_ends = [e for e in self._sentence_ends if self.text[e] != ";"]
        quoted_commas = self._quoted_commas()
        self._segment_ends = [e for e in ends if e not in quoted_commas]
        self._labels_at, self._labels, self._sections_at, self._sections = self._read_numbering(spaced)
        self._leads_at, self._leads = self._read_lead_phrases()

    # -- boundaries ---------------------------------------------------------
    def _is_wrap(self, newline: int) -> bool:
        """Whether the line break at ``newline`` only wraps a long line inside a sentence."""
        line_start = self.text.rfind("\n", 0, newline) + 1
        line = self.text[line_start:newline]
        following = self.text[newline + 1 : newline + 4]
        return (
            len(line) >= WRAP_WIDTH
            and ("\u4e00" <= line[-1] <= "\u9fff" or line[-1].isalnum())
            and bool(following)
            and not _LINE_MARKER.match(following)
        )

    def _quoted_commas(self) -> set[int]:
        """Positions of 、 inside quotation marks, book-title marks or parentheses (they do not end a segment)."""
        return {
            m.start() + i
            for m in _QUOTED.finditer(self.text)
            for i, ch in enumerate(m.group())
            if ch == "、"
        }

    @staticmethod
    def _span(ends: list[int], pos: int, length: int) -> tuple[int, int]:
        k = bisect_left(ends, pos)
        start = ends[k - 1] + 1 if k else 0
        end = ends[k] if k < len(ends) else length
        return start, end

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence holding ``pos`` (without its final punctuation)."""
        return self._span(self._sentence_ends, pos, len(self.text))

    def period_span(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence holding ``pos`` up to a full stop: the parts a semicolon joins count as one."""
        return self._span(self._period_ends, pos, len(self.text))

    def clause_span(self, pos: int) -> tuple[int, int]:
        """Start and end of the clause (between commas) holding ``pos``."""
        return self._span(self._clause_ends, pos, len(self.text))

    def segment_span(self, pos: int) -> tuple[int, int]:
        """Start and end of the segment (between 、 or commas) holding ``pos``."""
        return self._span(self._segment_ends, pos, len(self.text))

    def line_span(self, pos: int) -> tuple[int, int]:
        """Start and end of the line holding ``pos``."""
        start = self._line_starts[bisect_right(self._line_starts, pos) - 1]
        end = self.text.find("\n", start)
        return start, len(self.text) if end < 0 else end

    def previous_line(self, line_start: int) -> tuple[int, int] | None:
        """The last non-empty line before the line that starts at ``line_start``, if any."""
        pos = line_start - 1  # the line break that ends the line before
        while pos >= 0:
            start, end = self.line_span(pos)
            if end > start:
                return start, end
            pos = start - 1
        return None

    def next_line(self, line_end: int) -> tuple[int, int] | None:
        """The first non-empty line after the line that ends at ``line_end``, if any."""
        pos = line_end + 1
        while pos < len(self.text):
            start, end = self.line_span(pos)
            if end > start:
                return start, end
            pos = end + 1
        return None

    # -- quoting --------------------------------------------------------------
    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of :attr:`original` that analysis positions ``start``–``end`` came from."""
        if self._origin is None:
            return start, end
        return self._origin[start], self._origin[end - 1] + 1

    def quote(self, start: int, end: int) -> str:
        """The original passage behind ``start``–``end``, verbatim except that line breaks and tabs become one space."""
        o_start, o_end = self.original_span(start, end)
        return _QUOTE_BREAK.sub(" ", self.original[o_start:o_end]).strip()

    # -- numbering --------------------------------------------------------------
    def _read_numbering(self, spaced: str) -> tuple[list[int], list[str], list[int], list[str]]:
        """The clause label in effect from each numbering marker on, and the headings of sections."""
        state = dict.fromkeys(_LEVELS, "")
        labels_at: list[int] = []
        labels: list[str] = []
        sections_at: list[int] = []
        sections: list[str] = []
        for m in _MARKER.finditer(spaced):
            level = m.lastgroup
            pos = bisect_left(self._spaced_positions, m.start())
            if level in ("chapter", "article", "l1"):
                heading_end = self._span(self._sentence_ends, bisect_left(self._spaced_positions, m.end()), len(self.text))[1]
                if level != "article":
                    sections_at.append(pos)
                    sections.append(self.text[pos:heading_end][:LEAD_PHRASE_MAX])
            _advance(state, level, m.group(level))
            labels_at.append(pos)
            labels.append(_format_label(state))
        return labels_at, labels, sections_at, sections

    def _read_lead_phrases(self) -> tuple[list[int], list[str]]:
        """Each paragraph's lead phrase: its first sentence or, for a short line, the line itself."""
        at: list[int] = []
        phrases: list[str] = []
        for m in _FIRST_SENTENCE.finditer(self.text):
            if 2 <= len(m.group()) <= LEAD_PHRASE_MAX:
                at.append(m.start())
                phrases.append(m.group())
        return at, phrases

    def clause_label(self, pos: int) -> str:
        """Where ``pos`` stands as the document numbers it (``二、(一)1``, ``第十四条``), else the paragraph's lead phrase."""
        k = bisect_right(self._labels_at, pos)
        if k and self._labels[k - 1]:
            return self._labels[k - 1]
        k = bisect_right(self._leads_at, pos)
        if k:
            return self._leads[k - 1]
        start, end = self.clause_span(pos)
        return self.text[start:end][:LEAD_PHRASE_MAX]

    def section_heading(self, pos: int) -> str:
        """The heading of the chapter or top-level section (一、…) that holds ``pos``; empty before the first."""
        k = bisect_right(self._sections_at, pos)
        return self._sections[k - 1] if k else ""


#: Numbering levels from the outermost: 第X章, 第X条, 一、, (一), 1., (1), ①.
_LEVELS = ("chapter", "article", "l1", "l2", "l3", "l4", "l5")
#: How each level is written in a clause label (a chapter is not: articles are numbered through).
_LABEL_FORMS = {"chapter": "", "article": "{}", "l1": "{}、", "l2": "({})", "l3": "{}", "l4": "({})", "l5": "{}"}


def _advance(state: dict[str, str], level: str, label: str) -> None:
    """Update the numbering ``state`` for a marker of ``level``: set it and clear every level inside it."""
    for inner in _LEVELS[_LEVELS.index(level) :]:
        state[inner] = ""
    state[level] = label


def _format_label(state: dict[str, str]) -> str:
    """The clause label of a numbering state, e.g. ``二、(一)1`` or ``第十四条(二)``."""
    return "".join(_LABEL_FORMS[level].format(state[level]) for level in _LEVELS if state.get(level))
