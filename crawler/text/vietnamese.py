"""Vietnamese syllable validator.

Vietnamese is written one syllable per word: an optional initial consonant, a rhyme (optional
medial, a vowel nucleus, an optional final) and at most one tone mark. Only a few hundred
rhymes exist, so a word that fits none of them is a strong sign of damaged text: letters
lost at the source ("tc" for "tục"), unconverted legacy-font bytes ("ViÖt") or mojibake.
"""

import re
import unicodedata
from functools import lru_cache

# Combining tone marks; circumflex (U+0302), breve (U+0306) and horn (U+031B) are part of the
# letter, not the tone.
_TONE_MARKS = {
    "\u0300": "huyền",
    "\u0301": "sắc",
    "\u0303": "ngã",
    "\u0309": "hỏi",
    "\u0323": "nặng",
}
_LETTER_MARKS = {"\u0302", "\u0306", "\u031b"}

_INITIALS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip

_RHYMES = frozenset(
    """
    a ai ao au ay am an ang anh ap at ac ach
    ăm ăn ăng ăp ăt ăc
    âu ây âm ân âng âp ât âc
    e eo em en eng ep et ec
    ê êu êm ên ênh êp êt êch
    i ia iu im in inh ip it ich
    iêu iêm iên iêng iêp iêt iêc
    yêu yêm yên yêng yêt
    o oi om on ong op ot oc oong ooc
    ô ôi ôm ôn ông ôp ôt ôc
    ơ ơi ơm ơn ơp ơt
    u ua ui um un ung up ut uc
    uôi uôm uôn uông uôt uôc
    ư ưa ưi ưu ưm ưn ưng ưt ưc
    ươi ươu ươm ươn ương ươp ươt ươc
    y
    oa oai oay oan oang oanh oat oac oach oam oap
    oăn oăng oăt oăc oăm
    oe oen oet oeo oem
    uân uâng uât uây uê uênh uêch uơ uy uya uyên uyêt uynh uych uyt uyu uyn
    """.split()
)

# A syllable closed by a stop consonant can only carry the rising or the heavy tone.
_STOP_FINALS = ("ch", "p", "t", "c")
_STOP_TONES = {"sắc", "nặng"}
_FRONT_VOWELS = ("e", "ê", "i", "y")

# Lower-case loanwords, units and web words that are normal in Vietnamese news text.
LOANWORDS = frozenset(
    """
    online offline email website web internet video clip camera file smartphone app
    zalo facebook youtube tiktok covid wifi logo festival marketing tour game show
    km kg kw kwh mw cm mm ml ha m2 m3 tp vv www http https com vn gov org net html aspx
    pdf doc docx xls xlsx jpg png
    """.split()
)

_LETTERS_ONLY = re.compile(r"[^\W\d_]+")
_WORD_SEPARATORS = re.compile(r"[\s\-\u2013\u2014/]+")
_EDGE_PUNCTUATION = ".,;:!?()[]{}<>\"'“”‘’…*=+|"


def split_tone(syllable: str) -> tuple[str, str | None] | None:
    """Return the syllable without its tone mark and the tone name, or None when the
    word carries marks Vietnamese does not use (two tones, a cedilla, an umlaut…)."""
    tone = None
    kept = []
    for char in unicodedata.normalize("NFD", syllable):
        if char in _TONE_MARKS:
            if tone is not None:
                return None
            tone = _TONE_MARKS[char]
        elif unicodedata.combining(char):
            if char not in _LETTER_MARKS:
                return None
            kept.append(char)
        else:
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _spelling_allows(initial: str, rhyme: str) -> bool:
    """Orthographic pairing rules: k/gh/ngh before front vowels, c/g/ng elsewhere."""
    front = rhyme.startswith(_FRONT_VOWELS) or rhyme.startswith("iê")
    if initial in ("k", "gh", "ngh"):
        return front
    if initial in ("c", "ng"):
        return not front
    if initial == "g":
        return not rhyme.startswith(("e", "ê"))
    return True


def _rhyme_allows_tone(rhyme: str, tone: str | None) -> bool:
    if rhyme.endswith(_STOP_FINALS):
        return tone in _STOP_TONES
    return True


@lru_cache(maxsize=65536)
def is_valid_syllable(word: str) -> bool:
    """True when `word` (one word, any case) is a well-formed Vietnamese syllable."""
    split = split_tone(word.lower())
    if split is None:
        return False
    bare, tone = split
    if not bare.isalpha():
        return False
    for initial in _INITIALS:
        if not bare.startswith(initial):
            continue
        rest = bare[len(initial) :]
        if initial == "qu":
            # "qu" carries the medial u: "quân" is qu+ân, "quyết" is qu+yêt (or u+yêt).
            candidates = [rest] if not rest.startswith(("u", "ư", "o")) else []
            if rest.startswith("y"):
                candidates.append("u" + rest)
        elif initial == "gi":
            # "gì" is gi + empty rhyme with the tone on i; "giữa" is gi + ưa.
            if rest == "" or (rest in _RHYMES and not rest.startswith("i")):
                return True
            continue
        else:
            candidates = [rest]
        for rhyme in candidates:
            if (
                rhyme in _RHYMES
                and _spelling_allows(initial, rhyme)
                and _rhyme_allows_tone(rhyme, tone)
            ):
                return True
    return False


def lowercase_words(text: str) -> list[str]:
    """Words written entirely in lower case: acronyms and proper names are left out because
    they are legitimately not syllables ("UBND", "Covid")."""
    return [w for w in _LETTERS_ONLY.findall(text) if w.islower()]


def candidate_words(text: str) -> list[str]:
    """Whitespace-separated words without surrounding punctuation or digits.

    Split on spaces rather than on \\w because TCVN3 letters such as "§" (Đ) or "¸" (á)
    are not word characters as Latin-1."""
    words = []
    append = words.append
    for token in _WORD_SEPARATORS.split(text):
        # isalpha() answers for nearly every token at C speed (a bare word: nothing to
        # strip); only the rest are stripped and looked at character by character
        # (isdigit also catches the "²" of "m²").
        if token.isalpha():
            append(token)
            continue
        word = token.strip(_EDGE_PUNCTUATION)
        if word and (word.isalpha() or not any(char.isdigit() for char in word)):
            append(word)
    return words


def vietnamese_score(text: str) -> int:
    """Words with non-ASCII letters that are valid syllables minus those that are not.

    Used to choose between candidate decodings of the same bytes: the right one turns
    nearly every accented word into a real syllable, the wrong ones into garbage."""
    score = 0
    for word in candidate_words(text):
        if not word.isascii():
            score += 1 if is_valid_syllable(word) else -1
    return score


def fold(text: str) -> str:
    """Lower case without diacritics, đ as d: "Tin tức - Sự kiện" -> "tin tuc - su kien"."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
