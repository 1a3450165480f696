import json
from pathlib import Path

import pytest

from crawler.text.legacy_fonts import tcvn3_to_unicode, vni_to_unicode
from crawler.text.normalize import diacritics_quality
from crawler.text.vietnamese import is_valid_syllable

FIXTURES = Path(__file__).parents[1] / "fixtures"


def clean_texts() -> list[str]:
    texts = [path.read_text("utf-8") for path in sorted((FIXTURES / "seeds").glob("*.txt"))]
    for line in (FIXTURES / "portals" / "gold.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        if "body" in record:
            texts.append(record["title"] + "\n" + "\n".join(record["body"]))
    return texts


@pytest.mark.parametrize(
    "word",
    ["gì", "giữa", "gìn", "quốc", "quyết", "quỳnh", "nghiêng", "khuya", "thuở", "xoong",
     "ngoài", "người", "chiếc", "huế", "uyên", "yên", "oái", "Việt", "kem", "ghế", "ca"],
)  # fmt: skip
def test_valid_syllables(word):
    assert is_valid_syllable(word)


@pytest.mark.parametrize(
    "word",
    ["tc", "quc", "H", "cem", "gế", "ngi", "tiep", "ảc", "bác̃", "văo", "ViÖt", "Vieät",
     "facebook", "fbooj"],
)  # fmt: skip
def test_invalid_syllables(word):
    assert not is_valid_syllable(word)


def test_clean_fixture_texts_are_ok():
    for text in clean_texts():
        quality = diacritics_quality(text)
        assert quality.label == "ok", (quality, text[:80])
        assert quality.score < 0.01


def test_real_dropped_diacritics_example():
    text = "Tiếp tc thực hiện cuộc vận động theo Li kêu gi thi đua ái quc ca Bác H"
    quality = diacritics_quality(text)
    assert quality.label == "diacritics_dropped"
    assert {"tc", "quc"} <= set(quality.evidence)


@pytest.mark.parametrize(
    "text",
    [
        # letters lost after a font substitution on a commune portal
        "Sáng nay, UBND xã t chc hi ngh tng kt công tác năm 2023 và trin khai nhim v năm 2024.",
        # every diacritic stripped (typed without a keyboard driver)
        "Hoi nghi tong ket cong tac nam 2023 va trien khai nhiem vu nam 2024 cua huyen uy.",
        # only the stop-final syllables betray the loss
        "Đảng bộ xã đã lãnh đạo thưc hiên tôt cac nhiêm vu chinh tri, kinh tê, xa hôi.",
    ],
)
def test_damaged_texts_flagged(text):
    assert diacritics_quality(text).label == "diacritics_dropped"


def test_mojibake_detected():
    original = "Ủy ban nhân dân huyện tổ chức hội nghị triển khai nhiệm vụ năm 2024"
    garbled = original.encode("utf-8").decode("cp1252", errors="replace")
    quality = diacritics_quality(garbled)
    assert quality.label == "mojibake"
    assert any("á»" in word or "Ã" in word for word in quality.evidence)


def test_unconverted_tcvn3_detected():
    text = "Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc"
    quality = diacritics_quality(text)
    assert quality.label == "legacy_font_unconverted"
    assert "Céng" in quality.evidence
    assert tcvn3_to_unicode(text).startswith("Cộng hòa xã hội chủ nghĩa Việt Nam")


def test_unconverted_vni_detected():
    text = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc"
    quality = diacritics_quality(text)
    assert quality.label == "legacy_font_unconverted"
    assert vni_to_unicode(text) == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc"
    )


def test_prose_with_loanwords_and_acronyms_is_ok():
    text = (
        "UBND huyện tổ chức hội nghị trực tuyến qua Zoom, phát trên website và fanpage; "
        "người dân gửi email góp ý về dự án đường 2 km, diện tích 15 ha."
    )
    assert diacritics_quality(text).label == "ok"
