"""Stored text is plain text: markup that survives parsing (escaped tags shown as text,
scripts pasted into an article) is removed before it can reach the database."""

import re

_CODE_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_SPACES = re.compile(r"[ \t]{2,}")


def strip_markup(text: str | None) -> str | None:
    """``text`` without HTML tags, comments, scripts and styles; paragraphs are kept.

    A paragraph left empty by the removal disappears; "a < b" and "x > 0" stay as they are.
    """
    if text is None:
        return None
    cleaned = _TAG.sub(" ", _COMMENT.sub(" ", _CODE_BLOCK.sub(" ", text)))
    if cleaned == text:
        return text
    paragraphs = [_SPACES.sub(" ", p).strip() for p in cleaned.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
