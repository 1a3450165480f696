"""Text preparation: NFC normalisation, paragraphs, sentences, HTML to text."""

from __future__ import annotations

import re
import unicodedata

# Words that end with a dot without ending the sentence ("TP. Hưng Yên", "v.v. Năm").
ABBREVIATIONS = frozenset(
    {
        "tp",
        "v.v",
        "vv",
        "ts",
        "ths",
        "pgs",
        "gs",
        "bs",
        "ks",
        "th.s",
        "q",
        "p",
        "tx",
        "tt",
        "st",
        "ông",
        "bà",
        "đ/c",
        "mr",
        "ms",
        "no",
        "tr",
    }
)
# The look-behind starts a match only at the first mark of a run: without it a run of
# thousands of dots not followed by a space is re-scanned from each dot (quadratic). It
# follows the first mark so that the regex engine can skip straight to marks (a pattern
# opening with a look-behind is tried at every position: twice the time).
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*[\"”’)]*\s+")
# Abbreviations are short: only this many characters before a full stop are looked at.
_ABBREVIATION_REACH = 64


_ODD_SPACE_CHARACTERS = "\t\u00a0\u2009\u202f\u200b"


def normalise(text: str) -> str:
    """NFC-normalise and unify the space characters portals paste in: runs of spaces, tabs,
    no-break and zero-width spaces become one space; lines are stripped."""
    text = unicodedata.normalize("NFC", text)
    for odd in _ODD_SPACE_CHARACTERS:
        if odd in text:  # replace() is C-level; translate() is slow on non-ASCII text
            text = text.replace(odd, " ")
    while "  " in text:  # halves every run: C-level, and no pattern per line
        text = text.replace("  ", " ")
    return "\n".join(line.strip() for line in text.splitlines())


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; inner line breaks are joined."""
    blocks = re.split(r"\n\s*\n", normalise(text))
    return [" ".join(block.split()) for block in blocks if block.strip()]


def _ends_with_abbreviation(chunk: str) -> bool:
    word = chunk.rstrip(".").rsplit(" ", 1)[-1].lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(paragraph: str) -> list[str]:
    """Split on sentence punctuation followed by a capital, digit or quote.

    Decimal commas and thousands dots never have a space after them, so they are safe;
    abbreviations such as "TP." and "v.v." are checked explicitly.
    """
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        following = paragraph[match.end() : match.end() + 1]
        if not following or not (following.isupper() or following.isdigit() or following in '"“('):
            continue
        reach = max(start, match.start() - _ABBREVIATION_REACH)
        chunk = paragraph[reach : match.start()]
        whole_word = reach == start or " " in chunk  # else the word is too long to be one
        if match.group().startswith(".") and whole_word and _ends_with_abbreviation(chunk):
            continue
        sentences.append(paragraph[start : match.end()].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return [piece for sentence in sentences for piece in _bounded(sentence)]


# Longer than any sentence of a report (the longest in the labelled set has ~600 characters);
# work per sentence grows with its length, so an endless "sentence" is cut into pieces.
MAX_SENTENCE_CHARS = 2000


def _bounded(sentence: str) -> list[str]:
    """The sentence, or pieces of at most MAX_SENTENCE_CHARS cut after a ";", "," or space."""
    pieces = []
    while len(sentence) > MAX_SENTENCE_CHARS:
        window = sentence[:MAX_SENTENCE_CHARS]
        cut = max(window.rfind("; "), window.rfind(", "))
        cut = cut + 1 if cut > MAX_SENTENCE_CHARS // 2 else window.rfind(" ")
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    return [*pieces, sentence] if sentence else pieces


BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "ul",
    "ol",
    "blockquote",
)


def html_to_text(html: str) -> str:
    """Reduce HTML to paragraphs separated by blank lines, without scripts or styles."""
    import lxml.html

    root = lxml.html.fromstring(html)
    for element in list(root.iter("script", "style", "noscript", "template")):
        element.drop_tree()
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    return normalise(root.text_content())
