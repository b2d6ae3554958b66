"""Decode a text file the way a reader of our offsets will: as Python's text mode does.

Quote offsets are string indices into the decoded text, so decoding must be
reproducible by anyone checking them: UTF-8 when the bytes are UTF-8 (a BOM is
kept as a character, as ``open(path, encoding="utf-8")`` keeps it), else the
charset charset-normalizer detects; newlines are read as Python's universal
newline mode reads them. Nothing else is changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from newstrace.errors import InputError, UndecodableError

#: Share of control bytes (other than tab, newline, carriage return, form feed)
#: above which we call the data binary rather than text.
BINARY_CONTROL_SHARE = 0.02
#: Every byte that is not such a control byte; ``bytes.translate`` deletes these
#: to count the rest in C rather than in a Python loop.
_TEXT_BYTES = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def read_text(path: str | Path) -> DecodedText:
    """Read and decode one file; :class:`InputError` says why when it cannot."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file. Check the path.") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder; pass the files in it instead.") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from exc
    return decode_bytes(data, name=str(path))


def decode_bytes(data: bytes, *, name: str = "<bytes>", declared: str | None = None) -> DecodedText:
    """Decode bytes as text: the declared charset, else UTF-8, else detected."""
    if not data:
        return DecodedText("", "utf-8")
    if _looks_binary(data):
        raise UndecodableError(f"{name}: looks like binary data, not text; pass a text, HTML or JSON file.")
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return DecodedText(_universal_newlines(data.decode(encoding)), encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableError(f"{name}: the bytes are not text in any charset we can detect.")
    return DecodedText(_universal_newlines(str(best)), best.encoding)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = len(sample.translate(None, _TEXT_BYTES))
    return controls / len(sample) > BINARY_CONTROL_SHARE


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
