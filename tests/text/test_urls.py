import pytest

from crawler.text.urls import article_key, canonical_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://KimDong.HungYen.gov.vn:80/portal/Pages/Tin-moi-nhat.aspx",
         "http://kimdong.hungyen.gov.vn/portal/Pages/Tin-moi-nhat.aspx"),
        ("https://yenmo.ninhbinh.gov.vn:443/tin-tuc-su-kien.html?page=2#top",
         "https://yenmo.ninhbinh.gov.vn/tin-tuc-su-kien.html?page=2"),
        ("http://yenmo.ninhbinh.gov.vn:8080/tin-tuc-su-kien.html",
         "http://yenmo.ninhbinh.gov.vn:8080/tin-tuc-su-kien.html"),
        ("http://quangthanh.kinhmon.haiduong.gov.vn/Trang/TinTuc.aspx?p=2&cid=2&utm_source=zalo"
         "&utm_medium=share&fbclid=IwAR0x&zarsrc=30&gclid=abc&_ga=2.1&ref=home",
         "http://quangthanh.kinhmon.haiduong.gov.vn/Trang/TinTuc.aspx?cid=2&p=2"),
        ("http://kimdong.hungyen.gov.vn/portal/Pages/Tin-moi-nhat.aspx?PageIndex=2&PHPSESSID=9f8e"
         "&sessionid=77&JSESSIONID=A1",
         "http://kimdong.hungyen.gov.vn/portal/Pages/Tin-moi-nhat.aspx?PageIndex=2"),
        ("http://example.gov.vn/(S(kx3oqb55rfx4yx45mnwdb0ad))/Trang/ChiTietTinTuc.aspx?nid=1",
         "http://example.gov.vn/Trang/ChiTietTinTuc.aspx?nid=1"),
        ("http://example.gov.vn/(X(1)S(kx3oqb55rfx4yx45mnwdb0ad))/Default.aspx",
         "http://example.gov.vn/Default.aspx"),
        ("http://example.gov.vn/tin-tuc;jsessionid=0A1B2C3D?id=5",
         "http://example.gov.vn/tin-tuc?id=5"),
        ("http://example.gov.vn//tin-tuc//chi-tiet.html?", "http://example.gov.vn/tin-tuc/chi-tiet.html"),
        ("http://example.gov.vn/Tin%2Dtuc?title=T%E1%BA%A1i&x=%7e",
         "http://example.gov.vn/Tin-tuc?title=T%E1%BA%A1i&x=~"),
        ("http://example.gov.vn/tin-tức?title=Tại",
         "http://example.gov.vn/tin-t%E1%BB%A9c?title=T%E1%BA%A1i"),
        ("http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a"),
    ],
)  # fmt: skip
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_meaningful_parameters_are_kept():
    url = "http://x.gov.vn/a.aspx?title=abc&page=3&id=7&nid=1412&cid=2&p=4&PageIndex=5"
    assert canonical_url(url) == (
        "http://x.gov.vn/a.aspx?PageIndex=5&cid=2&id=7&nid=1412&p=4&page=3&title=abc"
    )


def test_path_case_is_kept():
    assert canonical_url("http://X.gov.vn/Trang/TinTuc.aspx") != canonical_url(
        "http://x.gov.vn/trang/tintuc.aspx"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # same SharePoint article reached through two date folders / slugs
            "http://kimdong.hungyen.gov.vn/portal/Pages/2020-10-13/Ky-niem-90-nam-ngay-thanh-lap-Hoi-nong-dan-Viet-Nam-14-10-19-9102.aspx",
            "http://kimdong.hungyen.gov.vn/portal/Pages/2020-10-13/Ky-niem-90-nam-9102.aspx?utm_source=fb",
        ),
        (  # same district article in two categories
            "http://yenmo.ninhbinh.gov.vn/tin-tuc-su-kien/day-manh-chuyen-doi-so-trong-co-quan-nha-nuoc-4805.html",
            "https://www.yenmo.ninhbinh.gov.vn/chuyen-doi-so/day-manh-chuyen-doi-so-4805.html",
        ),
        (  # same commune article, other title slug and parameter order
            "http://quangthanh.kinhmon.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=1412&title=thi-uy-kinh-mon-so-ket-giua-nhiem-ky-thuc-hien-nghi-quyet-da.html",
            "http://quangthanh.kinhmon.haiduong.gov.vn/trang/chitiettintuc.aspx?title=thi-uy&nid=1412",
        ),
    ],
)  # fmt: skip
def test_article_key_joins_listing_routes(first, second):
    assert article_key(first) == article_key(second)


def test_article_keys():
    assert article_key(
        "http://kimdong.hungyen.gov.vn/portal/Pages/2020-6-18/Kim-Dong-thuc-hien-toan-dien-va-hieu-qua-Nghi-quyet-Dai-hoi--cz7od4fe8.aspx"
    ) == "kimdong.hungyen.gov.vn#cz7od4fe8"  # fmt: skip
    assert article_key(
        "http://yenmo.ninhbinh.gov.vn/tin-tuc-su-kien/trao-qua-tet-cho-ho-ngheo-4804.html"
    ) == "yenmo.ninhbinh.gov.vn#4804"  # fmt: skip
    assert article_key(
        "http://quangthanh.kinhmon.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=1307&title=x"
    ) == "quangthanh.kinhmon.haiduong.gov.vn#nid=1307"  # fmt: skip


def test_article_keys_differ_between_articles_and_hosts():
    assert article_key("http://yenmo.ninhbinh.gov.vn/tin-tuc-su-kien/a-4804.html") != article_key(
        "http://yenmo.ninhbinh.gov.vn/tin-tuc-su-kien/a-4805.html"
    )
    assert article_key("http://yenmo.ninhbinh.gov.vn/tin-tuc-su-kien/a-4804.html") != article_key(
        "http://kimson.ninhbinh.gov.vn/tin-tuc-su-kien/a-4804.html"
    )


def test_unknown_shape_falls_back_to_canonical_url():
    url = "HTTP://Example.gov.vn/news/view.php?id=12&utm_campaign=x"
    assert article_key(url) == "http://example.gov.vn/news/view.php?id=12"
    # A listing page is not an article.
    assert article_key("http://yenmo.ninhbinh.gov.vn/tin-tuc-su-kien.html?page=2") == (
        "http://yenmo.ninhbinh.gov.vn/tin-tuc-su-kien.html?page=2"
    )
