"""Text normalisation, charset decoding and diacritics quality for Vietnamese portal pages."""

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from crawler.text.legacy_fonts import tcvn3_to_unicode, vni_to_unicode
from crawler.text.vietnamese import (
    LOANWORDS,
    candidate_words,
    is_valid_syllable,
    lowercase_words,
    vietnamese_score,
)

_BLANK_RUNS = re.compile(r"\n{3,}")


def _control_characters() -> re.Pattern[str]:
    """Control (Cc) and format (Cf) characters but newline and tab, as one character class.

    Scanned once over the blocks that hold them (Latin-1, general punctuation, Arabic and
    Syriac marks, specials, and the astral format blocks) instead of per character of text.
    """
    blocks = (
        range(0x0000, 0x3000),
        range(0xFE00, 0x10000),
        range(0x110A0, 0x11100),
        range(0x13430, 0x13460),
        range(0x1BCA0, 0x1BCA4),
        range(0x1D170, 0x1D180),
        range(0xE0000, 0xE0080),
    )
    found = [
        chr(code)
        for block in blocks
        for code in block
        if unicodedata.category(chr(code)) in ("Cc", "Cf") and chr(code) not in "\n\t"
    ]
    return re.compile("[" + "".join(re.escape(char) for char in found) + "]")


_STRAY_CONTROLS = _control_characters()


# The control characters str.split() takes for spaces, but newline and tab.
_SPACING_CONTROLS = re.compile("[\x0b\x0c\r\x1c-\x1f\x85]")


def strip_controls(text: str) -> str:
    """``text`` without control and format characters (newline and tab are kept).

    Most text that is not printable only holds spaces of other kinds (newlines, tabs,
    no-break spaces): it is told apart without the scan for the large class of controls,
    which costs about ten times more."""
    if text.isprintable():
        return text
    if " ".join(text.split()).isprintable() and not _SPACING_CONTROLS.search(text):
        return text
    return _STRAY_CONTROLS.sub("", text)


def normalize_text(text: str) -> str:
    """NFC text with one kind of space, no invisible characters, stripped lines and
    paragraphs separated by exactly one blank line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = []
    for line in text.split("\n"):
        if not line.isprintable():
            # Control and format characters (zero-width ones included) are not printable;
            # most lines have none and skip this scan.
            line = _STRAY_CONTROLS.sub("", line).replace("\t", " ")
        # str.split() splits on what \s matches (U+00A0, U+2000..U+200A, U+202F, U+3000...).
        lines.append(" ".join(line.split()))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


@dataclass
class DecodedPage:
    """A page decoded to NFC text.

    `encoding` is the encoding the text was really in ("utf-8", "windows-1258", "tcvn3",
    "vni", …). `converted` is True when the result differs from a plain decode with the
    declared charset (header, else <meta>, else UTF-8): the declaration was missing or wrong,
    or the text had to be converted from a legacy font encoding.
    """

    text: str
    encoding: str
    converted: bool


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_TCVN3_FONT_HINT = re.compile(r"\.Vn[A-Z][A-Za-z]*")
_VNI_FONT_HINT = re.compile(r"\bVNI[- ][A-Z][A-Za-z]*")
_LATIN1_HIGH = re.compile(r"[\u00a1-\u00ff]")
_VIETNAMESE_BEYOND_LATIN1 = re.compile("[\u0100-\u01b0\u1ea0-\u1ef9]")
_TAG = re.compile(r"<[^>]*>")
_LEGACY_CONVERTERS = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}
_CANONICAL_NAMES = {
    "utf-8": "utf-8",
    "cp1258": "windows-1258",
    "cp1252": "windows-1252",
    "latin-1": "iso-8859-1",
    "iso8859-1": "iso-8859-1",
}


def _codec_name(label: str | None) -> str | None:
    """Python codec for a charset label, or None when unknown ("x-user-defined", typos)."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in ("tcvn3", "tcvn", "abc", "vni"):
        return "vni" if label == "vni" else "tcvn3"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _CANONICAL_NAMES.get(name, name)


def _score_markup(html: str) -> int:
    """Vietnamese score of the text between tags (attributes and tag names are noise)."""
    return vietnamese_score(_TAG.sub(" ", html))


def _decode_single_byte(body: bytes, encoding: str) -> str:
    if encoding in _LEGACY_CONVERTERS:
        return _LEGACY_CONVERTERS[encoding](body.decode("latin-1"))
    return body.decode(encoding, errors="replace")


def _font_preference(html_head: str) -> list[str]:
    """Legacy encodings named by the page's fonts, most likely first."""
    hints = []
    if ".Vn" in html_head and _TCVN3_FONT_HINT.search(html_head):
        hints.append("tcvn3")
    if "VNI" in html_head and _VNI_FONT_HINT.search(html_head):
        hints.append("vni")
    return hints


def _convert_legacy_lines(text: str, preferred: list[str]) -> tuple[str, str | None]:
    """Convert the lines of Unicode text that carry TCVN3/VNI look-alike characters.

    Decided per line because a UTF-8 page can mix a legacy-font article with Unicode menus;
    a line is converted only when that turns more of its accented words into syllables.
    Fonts named in the page win ties."""
    used = None
    order = preferred + [enc for enc in _LEGACY_CONVERTERS if enc not in preferred]
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not _LATIN1_HIGH.search(line) or _VIETNAMESE_BEYOND_LATIN1.search(line):
            continue
        best, best_score, chosen = line, _score_markup(line), None
        for encoding in order:
            candidate = _LEGACY_CONVERTERS[encoding](line)
            score = _score_markup(candidate)
            wins_tie = (
                score == best_score
                and chosen is None
                and encoding in preferred
                and candidate != line
            )
            if score > best_score or wins_tie:
                best, best_score, chosen = candidate, score, encoding
        if chosen:
            lines[number] = best
            used = used or chosen
    return "\n".join(lines), used


def decode_html(body: bytes, declared_encoding: str | None = None) -> DecodedPage:
    """Decode a Vietnamese HTML page whatever its charset and whether or not it says so.

    UTF-8 is recognised by being valid; otherwise each single-byte candidate (the declared
    one, windows-1258, TCVN3, VNI, windows-1252) is scored by how many accented words become
    real Vietnamese syllables and the best wins."""
    head = body[:4096]
    declared = _codec_name(declared_encoding)
    if declared is None:
        meta = _META_CHARSET.search(head)
        declared = _codec_name(meta.group(1).decode("ascii")) if meta else None
    expected = declared or "utf-8"
    hints = _font_preference(head.decode("latin-1"))

    if body.startswith(codecs.BOM_UTF8):
        text, encoding = body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8"
    else:
        try:
            text, encoding = body.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _utf8_or_single_byte(body, declared, hints)

    if encoding == "utf-8":
        text, legacy = _convert_legacy_lines(text, hints)
        encoding = legacy or encoding
    text = unicodedata.normalize("NFC", text)
    # UTF-8 declared and read as UTF-8 (invalid bytes replaced, a BOM dropped) is what a
    # client trusting the declaration shows: no second decode to compare with.
    converted = not (expected == encoding == "utf-8") and _naive_decode(body, expected) != text
    return DecodedPage(text=text, encoding=encoding, converted=converted)


def _naive_decode(body: bytes, expected: str) -> str | None:
    """What a client trusting the declared charset would show, or None if it cannot."""
    try:
        if expected == "utf-8":  # as browsers show it: invalid bytes replaced
            return unicodedata.normalize("NFC", body.decode("utf-8-sig", errors="replace"))
        return unicodedata.normalize("NFC", _decode_single_byte(body, expected))
    except (LookupError, UnicodeDecodeError):
        return None


def _utf8_or_single_byte(body: bytes, declared: str | None, hints: list[str]) -> tuple[str, str]:
    """A page that is not valid UTF-8: a single-byte or legacy-font decoding only when it
    reads clearly better than UTF-8 with the invalid bytes replaced.

    One stray byte in a UTF-8 page (a truncated copy-paste, a broken CMS filter) must not
    make the whole article TCVN3 mojibake; a real windows-1258/TCVN3/VNI page decoded as
    UTF-8 loses nearly every accented letter and scores near zero, so it still converts."""
    as_utf8 = body.decode("utf-8", errors="replace")
    utf8_score = _score_markup(unicodedata.normalize("NFC", as_utf8))
    text, encoding, score = _best_single_byte(body, declared, hints)
    if score >= LEGACY_WIN_FACTOR * max(utf8_score, 0) + LEGACY_WIN_MARGIN:
        return text, encoding
    return as_utf8, "utf-8"


# "Clearly better": the other decoding must turn at least this many times as many accented
# words into syllables as UTF-8 does, plus a few.
LEGACY_WIN_FACTOR = 2
LEGACY_WIN_MARGIN = 3


def _best_single_byte(
    body: bytes, declared: str | None, hints: list[str]
) -> tuple[str, str, int]:
    order = []
    for encoding in [*hints, declared, "windows-1258", "tcvn3", "vni", "windows-1252"]:
        if encoding and encoding != "utf-8" and encoding not in order:
            order.append(encoding)
    best_text, best_encoding, best_score = None, "", None
    for encoding in order:
        try:
            text = _decode_single_byte(body, encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        score = _score_markup(unicodedata.normalize("NFC", text))
        if best_score is None or score > best_score:
            best_text, best_encoding, best_score = text, encoding, score
    return best_text, best_encoding, best_score


@dataclass
class TextQuality:
    """Verdict on whether a text's Vietnamese letters survived: `label` is "ok",
    "diacritics_dropped", "mojibake" or "legacy_font_unconverted"; `score` is the share of
    affected words; `evidence` holds a few of them."""

    label: str
    score: float
    evidence: list[str]


# UTF-8 bytes read as Latin-1/windows-1252: a lead byte of a Vietnamese letter (Ã Ä Å Æ for
# U+00C0..U+01BF, Ì Í for combining marks, á for U+1Exx) followed by a continuation byte.
_MOJIBAKE = re.compile("[ÃÄÅÆÌÍá][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")

# Measured on the seed pages and gold bodies (tests/fixtures): clean text has at most 0.6% of
# lower-case words that are not syllables (typos, e-mail user names); text that lost letters
# at the source has 15% and more.
DROPPED_SHARE_THRESHOLD = 0.05
MIN_DAMAGED_WORDS = 2
LEGACY_SHARE_THRESHOLD = 0.2
MIN_LEGACY_WORDS = 3


@lru_cache(maxsize=65536)
def _legacy_convertible(word: str) -> bool:
    """An invalid word that becomes a syllable once read as TCVN3 or VNI (cached: a
    language has a few thousand syllables, and every article repeats them)."""
    if word.isascii() or _VIETNAMESE_BEYOND_LATIN1.search(word) or is_valid_syllable(word):
        return False
    return any(is_valid_syllable(convert(word)) for convert in _LEGACY_CONVERTERS.values())


def diacritics_quality(text: str) -> TextQuality:
    """Classify damage to a text's diacritics; checks run from the most to the least
    specific symptom so that mojibake is not reported as dropped letters."""
    text = unicodedata.normalize("NFC", text)
    words = candidate_words(text)

    # Mojibake pairs never span a space, so a text without one has no garbled word.
    garbled = [word for word in words if _MOJIBAKE.search(word)] if _MOJIBAKE.search(text) else []
    if len(garbled) >= MIN_DAMAGED_WORDS:
        return TextQuality("mojibake", len(garbled) / len(words), garbled[:5])

    accented = [word for word in words if not word.isascii()]
    legacy = [word for word in accented if _legacy_convertible(word)]
    if len(legacy) >= MIN_LEGACY_WORDS and len(legacy) / len(accented) >= LEGACY_SHARE_THRESHOLD:
        return TextQuality("legacy_font_unconverted", len(legacy) / len(accented), legacy[:5])

    lower = [word for word in lowercase_words(text) if word not in LOANWORDS]
    invalid = [word for word in lower if not is_valid_syllable(word)]
    share = len(invalid) / len(lower) if lower else 0.0
    if len(invalid) >= MIN_DAMAGED_WORDS and share >= DROPPED_SHARE_THRESHOLD:
        return TextQuality("diacritics_dropped", share, invalid[:5])
    return TextQuality("ok", share, invalid[:5])
