"""Conversion of the pre-Unicode Vietnamese font encodings TCVN3 (ABC) and VNI to Unicode.

Pages typed in these encodings store single-byte Latin-1 text that only reads as Vietnamese
when shown with the matching font (".VnTime", "VNI-Times"). The tables work on characters
U+0000..U+00FF, i.e. on the bytes decoded as Latin-1, so the same code converts raw bytes and
text that a UTF-8 page already carries as Latin-1 look-alikes ("ViÖt Nam").
"""

import unicodedata

# TCVN3: one byte per precomposed lower-case letter, plus the bare capitals Ă Â Ê Ô Ơ Ư Đ.
# Capitals with a tone mark need the separate ".VnTimeH" font, which reuses the lower-case
# codes, so they decode as lower case.
TCVN3_TO_UNICODE: dict[str, str] = {
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
    "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ", "\xad": "ư", "\xae": "đ",
    "\xb5": "à", "\xb6": "ả", "\xb7": "ã", "\xb8": "á", "\xb9": "ạ",
    "\xbb": "ằ", "\xbc": "ẳ", "\xbd": "ẵ", "\xbe": "ắ", "\xc6": "ặ",
    "\xc7": "ầ", "\xc8": "ẩ", "\xc9": "ẫ", "\xca": "ấ", "\xcb": "ậ",
    "\xcc": "è", "\xce": "ẻ", "\xcf": "ẽ", "\xd0": "é", "\xd1": "ẹ",
    "\xd2": "ề", "\xd3": "ể", "\xd4": "ễ", "\xd5": "ế", "\xd6": "ệ",
    "\xd7": "ì", "\xd8": "ỉ", "\xdc": "ĩ", "\xdd": "í", "\xde": "ị",
    "\xdf": "ò", "\xe1": "ỏ", "\xe2": "õ", "\xe3": "ó", "\xe4": "ọ",
    "\xe5": "ồ", "\xe6": "ổ", "\xe7": "ỗ", "\xe8": "ố", "\xe9": "ộ",
    "\xea": "ờ", "\xeb": "ở", "\xec": "ỡ", "\xed": "ớ", "\xee": "ợ",
    "\xef": "ù", "\xf1": "ủ", "\xf2": "ũ", "\xf3": "ú", "\xf4": "ụ",
    "\xf5": "ừ", "\xf6": "ử", "\xf7": "ữ", "\xf8": "ứ", "\xf9": "ự",
    "\xfa": "ỳ", "\xfb": "ỷ", "\xfc": "ỹ", "\xfd": "ý", "\xfe": "ỵ",
}  # fmt: skip
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)


def tcvn3_to_unicode(text: str) -> str:
    """Convert TCVN3 text (bytes decoded as Latin-1) to NFC Unicode."""
    return text.translate(_TCVN3_TABLE)


# VNI: a base letter followed by one or two mark characters. Bases are the ASCII vowels plus
# "ô" (ơ) and "ö" (ư), which VNI stores as letters of their own. Marks come in a lower-case and
# an upper-case form (for all-caps text); both are accepted after any base.
_COMBINING = {
    "acute": "\u0301",
    "grave": "\u0300",
    "hook": "\u0309",
    "tilde": "\u0303",
    "dot": "\u0323",
    "circumflex": "\u0302",
    "breve": "\u0306",
}
VNI_MARKS: dict[str, tuple[str, ...]] = {
    "ù": ("acute",), "ø": ("grave",), "û": ("hook",), "õ": ("tilde",), "ï": ("dot",),
    "â": ("circumflex",), "ê": ("breve",),
    "á": ("circumflex", "acute"), "à": ("circumflex", "grave"), "å": ("circumflex", "hook"),
    "ã": ("circumflex", "tilde"), "ä": ("circumflex", "dot"),
    "é": ("breve", "acute"), "è": ("breve", "grave"), "ú": ("breve", "hook"),
    "ü": ("breve", "tilde"), "ë": ("breve", "dot"),
}  # fmt: skip
VNI_MARKS.update({mark.upper(): marks for mark, marks in VNI_MARKS.items()})

# Letters VNI stores as one character of their own.
VNI_LETTERS: dict[str, str] = {
    "ñ": "đ", "Ñ": "Đ",
    "í": "í", "Í": "Í", "ì": "ì", "Ì": "Ì", "æ": "ỉ", "Æ": "Ỉ",
    "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip

# Base vowels with the letter modifiers each accepts.
_MODIFIERS_BY_BASE = {
    "a": {"circumflex", "breve"},
    "e": {"circumflex"},
    "o": {"circumflex"},
    "u": set(),
    "i": set(),
    "y": set(),
    "ơ": set(),
    "ư": set(),
}
_HORN_LETTERS = {"ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư"}
_TONES = {"acute", "grave", "hook", "tilde", "dot"}


def _vni_vowel(base: str, text: str, start: int) -> tuple[str, int]:
    """Combine `base` with the VNI marks that follow it; return the letter and next index."""
    allowed = _MODIFIERS_BY_BASE[base.lower()]
    modifier = None
    tone = None
    index = start
    while index < len(text) and text[index] in VNI_MARKS:
        marks = VNI_MARKS[text[index]]
        new_modifiers = [m for m in marks if m not in _TONES]
        new_tones = [m for m in marks if m in _TONES]
        if new_modifiers and (modifier or tone or new_modifiers[0] not in allowed):
            break
        if new_tones and tone:
            break
        modifier = new_modifiers[0] if new_modifiers else modifier
        tone = new_tones[0] if new_tones else tone
        index += 1
    marks = "".join(_COMBINING[m] for m in (modifier, tone) if m)
    return unicodedata.normalize("NFC", base + marks), index


def vni_to_unicode(text: str) -> str:
    """Convert VNI text (bytes decoded as Latin-1) to NFC Unicode."""
    out = []
    index = 0
    while index < len(text):
        char = _HORN_LETTERS.get(text[index], text[index])
        if char.lower() in _MODIFIERS_BY_BASE:
            letter, index = _vni_vowel(char, text, index + 1)
            out.append(letter)
            continue
        out.append(VNI_LETTERS.get(char, char))
        index += 1
    return "".join(out)
