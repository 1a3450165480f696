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


def test_shingle_hashes_count_the_same_distinct_shingles_as_the_strings():
    from crawler.text.dedup import _WORD, comparison_form, shingle_hashes, shingles

    for body in gold_bodies().values():
        words = _WORD.findall(comparison_form(body))
        assert len(shingle_hashes(words)) == len(shingles(body))
    assert list(shingle_hashes(["một", "hai"])) == list(shingle_hashes(["một", "hai"]))
    assert len(shingle_hashes(["một", "hai", "ba"], size=2)) == 2
    assert len(shingle_hashes([])) == 0


def test_a_signature_is_the_minimum_over_the_distinct_shingles_whatever_repeats_them():
    """The MinHash is taken over every shingle in order, repeats included (no np.unique):
    the minima, and so the stored signatures, are those of the distinct shingles."""
    from crawler.text.dedup import _WORD, comparison_form, shingle_hashes

    body = "Xã tổ chức hội nghị tổng kết công tác năm 2024. " * 6 + "Hội nghị kết thúc."
    words = _WORD.findall(comparison_form(body))
    distinct = shingle_hashes(words)
    assert len(distinct) < len(words) - 4  # the body repeats most of its shingles
    index = NearDuplicateIndex()
    permuted = index._multipliers[:, None] * distinct[None, :] + index._offsets[:, None]
    assert index.signature(body).tobytes() == permuted.min(axis=1).astype("uint32").tobytes()


def test_near_duplicate_score_tracks_exact_jaccard():
    """The numpy signatures estimate Jaccard as MinHash should: within 0.15 of the exact
    value of the shingle sets (128 permutations: standard error about 0.044)."""
    index = NearDuplicateIndex()
    body = next(iter(gold_bodies().values()))
    paragraphs = body.split("\n\n")
    for cut in range(1, min(len(paragraphs), 6)):
        edited = "\n\n".join(paragraphs[cut:])
        left, right = set(shingles_of(body)), set(shingles_of(edited))
        exact = len(left & right) / len(left | right)
        assert abs(index.similarity(body, edited) - exact) < 0.15


def shingles_of(body: str) -> set[str]:
    from crawler.text.dedup import shingles

    return shingles(body)
