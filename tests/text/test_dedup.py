import json
from pathlib import Path

from crawler.text.boilerplate import strip_boilerplate
from crawler.text.dedup import MIN_WORDS, NearDuplicateIndex, content_hash

GOLD = Path(__file__).parents[1] / "fixtures" / "portals" / "gold.jsonl"


def gold_bodies() -> dict[str, str]:
    records = map(json.loads, GOLD.read_text("utf-8").splitlines())
    return {r["url"]: "\n\n".join(r["body"]) for r in records if "body" in r}


def test_exact_duplicate_hash_ignores_spacing_case_and_punctuation_variants():
    body = "Hội nghị “Vì người nghèo” – năm 2020…\n\nTỷ lệ hộ nghèo giảm còn 0,42%."
    variant = 'HỘI NGHỊ "VÌ NGƯỜI NGHÈO" - năm 2020...  \nTỷ lệ\u00a0hộ nghèo giảm còn 0,42%.'
    assert content_hash(body) == content_hash(variant)
    assert content_hash(body) != content_hash(body.replace("0,42", "0,43"))


def test_republished_with_other_boilerplate_hashes_the_same():
    body = [
        "Sáng 18/1, UBND huyện Yên Mô tổ chức hội nghị triển khai nhiệm vụ trọng tâm 2024.",
        "Hội nghị đã thống nhất các giải pháp trọng tâm, phấn đấu hoàn thành các chỉ tiêu.",
    ]
    first = strip_boilerplate(["Lượt xem: 24", *body, "Tin mới nhất", "Tin A", "Tin B"], None)
    second = strip_boilerplate(["271 lượt xem", "A- 100% A+", *body, "In bài viết"], None)
    assert content_hash("\n\n".join(first.kept)) == content_hash("\n\n".join(second.kept))


def test_index_finds_exact_and_near_duplicates():
    bodies = gold_bodies()
    index = NearDuplicateIndex()
    for url, body in bodies.items():
        index.add(url, body)
    url, body = next(iter(bodies.items()))
    edited = body.replace("hội nghị triển khai", "hội nghị quán triệt triển khai", 1)
    edited += "\n\nDịp này, Ban tổ chức đã trao giấy khen cho các tập thể và cá nhân tiêu biểu."
    assert index.query(body) == [url]
    assert index.query(body, exclude=url) == []
    assert index.query(edited) == [url]
    assert 0.6 <= index.similarity(body, edited) < 1.0


def test_articles_sharing_template_sentences_are_not_near_duplicates():
    bodies = gold_bodies()
    index = NearDuplicateIndex()
    for url, body in bodies.items():
        index.add(url, body)
    for url, body in bodies.items():
        assert index.query(body, exclude=url) == [], url


def test_short_bodies_match_only_exactly():
    index = NearDuplicateIndex()
    short = "Ảnh: Hội nghị tổng kết công tác năm 2023."
    assert len(short.split()) < MIN_WORDS
    index.add("caption", short)
    assert index.query(short) == ["caption"]
    assert index.query(short.replace("2023", "2024")) == []


def test_add_replaces_and_remove_forgets():
    body = next(iter(gold_bodies().values()))
    index = NearDuplicateIndex()
    index.add("a", body)
    index.add("a", body)
    assert len(index) == 1
    index.remove("a")
    assert index.query(body) == [] and len(index) == 0
