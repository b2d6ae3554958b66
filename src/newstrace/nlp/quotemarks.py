"""Find quoted passages by pairing quote marks in raw text.

News text mixes straight, curly and single marks, leaves marks unbalanced, and
opens a quote again at each new paragraph without closing the previous one.
This module pairs marks per paragraph with those conventions and never raises:
an unpaired mark is ignored or runs to the paragraph's end.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
OPEN_CONTEXT = " \t\n([{—–-/:;,"  # what may stand before an opening mark
CLOSE_CONTEXT = " \t\n)]}—–-/:;,.?!…"  # what may follow a closing mark


TWIN = "\x01"  # stands in for the second mark of a doubled '' so offsets stay put


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A passage between quote marks: ``start``/``end`` include the marks."""

    start: int
    end: int
    double: bool
    closed: bool = True  # False when it runs to the paragraph's end unclosed
    continues: bool = False  # True when it continues the previous paragraph's quote
    open_width: int = 1  # 2 for a doubled '' mark
    close_width: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.open_width, self.end - self.close_width if self.closed else self.end


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Primary quoted spans (double marks, or single marks outside them), in text order."""
    spans: list[QuotedSpan] = []
    offset = 0
    previous_open = False
    # Some papers write double quotes as two apostrophes (''like this''): read them as one mark.
    text = text.replace("\x01", " ").replace("''", '"' + TWIN)
    for paragraph in text.split("\n"):
        doubles = _pair(paragraph, offset, double=True)
        if previous_open and doubles and doubles[0].start == offset + len(paragraph) - len(paragraph.lstrip()):
            doubles[0] = replace(doubles[0], continues=True)
        previous_open = bool(doubles) and not doubles[-1].closed
        singles = _pair(paragraph, offset, double=False)
        spans.extend(doubles)
        spans.extend(s for s in singles if not any(d.start <= s.start < d.end for d in doubles))
        offset += len(paragraph) + 1
    spans.sort(key=lambda s: s.start)
    return spans


def _neighbours(text: str, i: int) -> tuple[str, str]:
    """The characters before and after position ``i``, looking past a doubled mark."""
    before = text[i - 1] if i > 0 else " "
    j = i + 2 if i + 1 < len(text) and text[i + 1] == TWIN else i + 1
    after = text[j] if j < len(text) else " "
    return before, after


def _is_opening(text: str, i: int) -> bool:
    before, after = _neighbours(text, i)
    # any space counts: scraped news is full of no-break spaces ('said.\xa0"Everybody ...')
    return (before.isspace() or before in OPEN_CONTEXT or before in DOUBLE_OPEN + SINGLE_OPEN + "\"'") and not after.isspace()


def _is_closing(text: str, i: int) -> bool:
    before, after = _neighbours(text, i)
    return not before.isspace() and (after.isspace() or after in CLOSE_CONTEXT or after in DOUBLE_CLOSE + SINGLE_CLOSE + "\"'")


def _pair(paragraph: str, offset: int, *, double: bool) -> list[QuotedSpan]:
    opens, closes, straight = (DOUBLE_OPEN, DOUBLE_CLOSE, '"') if double else (SINGLE_OPEN, SINGLE_CLOSE, "'")
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    for i, char in enumerate(paragraph):
        if char not in opens and char not in closes and char != straight:
            continue
        if not double and _is_apostrophe(paragraph, i):
            continue
        can_open = char in opens or (char == straight and _is_opening(paragraph, i))
        can_close = char in closes or (char == straight and _is_closing(paragraph, i))
        if open_at is None and can_open:
            open_at = i
        elif open_at is not None and (can_close or (char == straight and not can_open)):
            width = _width(paragraph, i)
            spans.append(QuotedSpan(offset + open_at, offset + i + width, double,
                                    open_width=_width(paragraph, open_at), close_width=width))
            open_at = None
        elif open_at is not None and can_open and double:
            open_at = i  # a stray earlier opener: the new one starts the real quote
    if open_at is not None and double and len(paragraph) - open_at > 2:
        spans.append(QuotedSpan(offset + open_at, offset + len(paragraph.rstrip()), double, closed=False,
                                open_width=_width(paragraph, open_at)))
    return spans


def _width(text: str, i: int) -> int:
    return 2 if i + 1 < len(text) and text[i + 1] == TWIN else 1


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark between letters or digits (don't, Biden’s, '90s) is not a quote mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return text[i] in "'’" and after.isdigit() and before.isspace()
