"""decode_html on every charset situation found on Vietnamese portals.

The legacy encoders below are written independently of the decoder's tables (from the
published code charts), so a wrong entry on either side makes the round trips fail."""

import codecs
import unicodedata

import pytest
from faultserver import encode_cp1258

from crawler.text.normalize import decode_html

SENTENCE = (
    "Đảng bộ huyện Kim Động tổ chức hội nghị tổng kết công tác năm 2023, đề ra phương hướng "
    "nhiệm vụ; người dân phấn khởi, đồng thuận với chủ trương xây dựng nông thôn mới kiểu mẫu. "
    "Chủ tịch xã trao quà cho hộ nghèo, gia đình chính sách và trẻ em khuyết tật."
)

_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook",
          "\u0323": "dot"}  # fmt: skip


def _split(char: str) -> tuple[str, str | None, str | None]:
    """(ASCII base, modifier name, tone name) of one Vietnamese letter."""
    decomposed = unicodedata.normalize("NFD", char)
    modifier = tone = None
    for mark in decomposed[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        else:
            modifier = {"\u0302": "circumflex", "\u0306": "breve", "\u031b": "horn"}[mark]
    return decomposed[0], modifier, tone


# TCVN3 code chart, row by row: base letter + modifier → bytes for no tone, grave, hook,
# tilde, acute, dot.
_TCVN3_ROWS = {
    ("a", None): "a\xb5\xb6\xb7\xb8\xb9", ("a", "breve"): "\xa8\xbb\xbc\xbd\xbe\xc6",
    ("a", "circumflex"): "\xa9\xc7\xc8\xc9\xca\xcb", ("e", None): "e\xcc\xce\xcf\xd0\xd1",
    ("e", "circumflex"): "\xaa\xd2\xd3\xd4\xd5\xd6", ("i", None): "i\xd7\xd8\xdc\xdd\xde",
    ("o", None): "o\xdf\xe1\xe2\xe3\xe4", ("o", "circumflex"): "\xab\xe5\xe6\xe7\xe8\xe9",
    ("o", "horn"): "\xac\xea\xeb\xec\xed\xee", ("u", None): "u\xef\xf1\xf2\xf3\xf4",
    ("u", "horn"): "\xad\xf5\xf6\xf7\xf8\xf9", ("y", None): "y\xfa\xfb\xfc\xfd\xfe",
}  # fmt: skip
_TONE_COLUMN = [None, "grave", "hook", "tilde", "acute", "dot"]


def encode_tcvn3(text: str) -> bytes:
    out = []
    for char in text:
        if char == "đ":
            out.append("\xae")
        elif char == "Đ":
            out.append("\xa7")
        elif char.isascii():
            out.append(char)
        else:
            base, modifier, tone = _split(char)
            assert base.islower(), f"TCVN3 cannot encode capital {char!r} with .VnTime"
            out.append(_TCVN3_ROWS[(base, modifier)][_TONE_COLUMN.index(tone)])
    return "".join(out).encode("latin-1")


_VNI_TONE = {"acute": "ù", "grave": "ø", "hook": "û", "tilde": "õ", "dot": "ï"}
_VNI_CIRCUMFLEX_TONE = {None: "â", "acute": "á", "grave": "à", "hook": "å", "tilde": "ã",
                        "dot": "ä"}  # fmt: skip
_VNI_BREVE_TONE = {None: "ê", "acute": "é", "grave": "è", "hook": "ú", "tilde": "ü", "dot": "ë"}
_VNI_I = {"acute": "í", "grave": "ì", "hook": "æ", "tilde": "ó", "dot": "ò"}


def encode_vni(text: str) -> bytes:
    out = []
    for char in text:
        if char in "đĐ":
            out.append("ñ" if char == "đ" else "Ñ")
            continue
        if char.isascii():
            out.append(char)
            continue
        base, modifier, tone = _split(char)
        upper = base.isupper()
        if base.lower() == "i" and tone:
            marks = _VNI_I[tone]
            base = ""
        elif base.lower() == "y" and tone == "dot":
            marks, base = "î", ""
        elif modifier == "circumflex":
            marks = _VNI_CIRCUMFLEX_TONE[tone]
        elif modifier == "breve":
            marks = _VNI_BREVE_TONE[tone]
        elif modifier == "horn":  # ơ and ư are letters of their own: "ô" and "ö"
            base = "ô" if base.lower() == "o" else "ö"
            marks = _VNI_TONE[tone] if tone else ""
        else:
            marks = _VNI_TONE[tone]
        out.append((base + marks).upper() if upper else base + marks)
    return "".join(out).encode("latin-1")


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>Tin tức</title></head><body><p>{body}</p></body></html>"


def single_byte_page(encoded_body: bytes, head: str = "") -> bytes:
    """An ASCII page skeleton around text already encoded in a single-byte charset."""
    skeleton = f"<html><head>{head}</head><body><p>BODY</p></body></html>".encode("ascii")
    return skeleton.replace(b"BODY", encoded_body)


def test_tcvn3_encoder_matches_known_sample():
    # "Cộng hòa xã hội chủ nghĩa Việt Nam" as it appears on pages shown without .VnTime.
    assert encode_tcvn3("Cộng hòa xã hội chủ nghĩa Việt Nam") == (
        "Céng hßa x· héi chñ nghÜa ViÖt Nam".encode("latin-1")
    )


def test_vni_encoder_matches_known_sample():
    assert encode_vni("Cộng hòa xã hội chủ nghĩa Việt Nam. Tự do, trường, nước, được") == (
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Töï do, tröôøng, nöôùc, ñöôïc".encode("latin-1")
    )


def test_utf8_plain():
    decoded = decode_html(page(SENTENCE, '<meta charset="utf-8">').encode("utf-8"))
    assert SENTENCE in decoded.text
    assert (decoded.encoding, decoded.converted) == ("utf-8", False)


def test_utf8_with_bom():
    decoded = decode_html(codecs.BOM_UTF8 + page(SENTENCE).encode("utf-8"))
    assert SENTENCE in decoded.text
    assert not decoded.text.startswith("\ufeff")
    assert decoded.encoding == "utf-8"


def test_utf8_wrongly_declared_latin1():
    decoded = decode_html(page(SENTENCE).encode("utf-8"), "iso-8859-1")
    assert SENTENCE in decoded.text
    assert (decoded.encoding, decoded.converted) == ("utf-8", True)


def test_windows_1258_declared_in_header():
    body = single_byte_page(encode_cp1258(SENTENCE))
    decoded = decode_html(body, "windows-1258")
    assert SENTENCE in decoded.text
    assert decoded.text == unicodedata.normalize("NFC", decoded.text)
    assert (decoded.encoding, decoded.converted) == ("windows-1258", False)


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1258">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">',
    ],
)
def test_windows_1258_declared_in_meta(meta):
    body = single_byte_page(encode_cp1258(SENTENCE), meta)
    decoded = decode_html(body)
    assert SENTENCE in decoded.text
    assert (decoded.encoding, decoded.converted) == ("windows-1258", False)


def test_windows_1258_undeclared():
    body = single_byte_page(encode_cp1258(SENTENCE))
    decoded = decode_html(body)
    assert SENTENCE in decoded.text
    assert (decoded.encoding, decoded.converted) == ("windows-1258", True)


@pytest.mark.parametrize("wrong", ["utf-8", "iso-8859-1", "windows-1252"])
def test_windows_1258_wrongly_declared(wrong):
    body = single_byte_page(encode_cp1258(SENTENCE))
    decoded = decode_html(body, wrong)
    assert SENTENCE in decoded.text
    assert (decoded.encoding, decoded.converted) == ("windows-1258", True)


def test_tcvn3_bytes_with_font_hint():
    head = "<style>body { font-family: .VnTime, serif; }</style>"
    body = single_byte_page(encode_tcvn3(SENTENCE), head)
    decoded = decode_html(body, "iso-8859-1")
    assert SENTENCE in decoded.text
    assert (decoded.encoding, decoded.converted) == ("tcvn3", True)


def test_tcvn3_bytes_detected_without_hint():
    body = single_byte_page(encode_tcvn3(SENTENCE))
    decoded = decode_html(body)
    assert SENTENCE in decoded.text
    assert decoded.encoding == "tcvn3"


def test_vni_bytes_with_font_hint():
    head = '<font face="VNI-Times">'
    body = single_byte_page(encode_vni(SENTENCE), head)
    decoded = decode_html(body)
    assert SENTENCE in decoded.text
    assert (decoded.encoding, decoded.converted) == ("vni", True)


def test_vni_bytes_detected_without_hint():
    body = single_byte_page(encode_vni(SENTENCE))
    decoded = decode_html(body, "windows-1252")
    assert SENTENCE in decoded.text
    assert decoded.encoding == "vni"


def test_tcvn3_glyphs_inside_utf8_page_keep_unicode_menus():
    legacy = encode_tcvn3(SENTENCE).decode("latin-1")
    html = (
        '<html><head><meta charset="utf-8"></head><body>\n'
        "<ul><li>Trang chủ</li><li>Tin tức - Sự kiện</li><li>Văn bản</li></ul>\n"
        f'<p style="font-family:.VnTime">{legacy}</p>\n</body></html>'
    )
    decoded = decode_html(html.encode("utf-8"))
    assert SENTENCE in decoded.text
    assert "<li>Trang chủ</li><li>Tin tức - Sự kiện</li>" in decoded.text
    assert (decoded.encoding, decoded.converted) == ("tcvn3", True)


def test_unicode_page_naming_legacy_fonts_is_left_alone():
    """Portals moved to Unicode but often kept ".VnTime" in their style sheets."""
    html = page("Tôi là cá. " + SENTENCE, "<style>p{font-family:.VnTime}</style>")
    decoded = decode_html(html.encode("utf-8"))
    assert "Tôi là cá. " + SENTENCE in decoded.text
    assert (decoded.encoding, decoded.converted) == ("utf-8", False)


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE,
        "Ước đạt 98,7%; ủy ban, ỷ lại, ỹ, ỵ; Ứng phó bão lũ, Ổn định giá cả.",
        "ĐẢNG CỘNG SẢN VIỆT NAM QUANG VINH MUÔN NĂM",
    ],
)
def test_vni_round_trip(text):
    body = single_byte_page(encode_vni(text), '<font face="VNI-Times">')
    assert text in decode_html(body).text


@pytest.mark.parametrize(
    "text",
    [SENTENCE, "ước đạt 98,7%; ủy ban, ỷ lại, ỹ, ỵ; ứng phó bão lũ, ổn định giá cả, ăn ở."],
)
def test_tcvn3_round_trip(text):
    body = single_byte_page(encode_tcvn3(text), "<style>.VnTime{}</style>")
    assert text in decode_html(body).text
