import pytest

from crawler.parsing.families import FAMILIES
from crawler.registry import Portal, RegistryError, load_registry

SEED_HOSTS = {
    "kimdong.hungyen.gov.vn",
    "khoaichau.hungyen.gov.vn",
    "kimson.ninhbinh.gov.vn",
    "yenmo.ninhbinh.gov.vn",
    "quangthanh.kinhmon.haiduong.gov.vn",
    "ngoclien.camgiang.haiduong.gov.vn",
}

VALID = """
[[portal]]
id = "a"
host = "a.gov.vn"
family = "haiduong"
name = "A"
level = "xã"
province = "Hải Dương"
listings = ["http://a.gov.vn/Trang/TinTuc.aspx?cid=2"]
"""


def test_shipped_registry_lists_every_sample_and_seed_portal():
    registry = load_registry(families=set(FAMILIES))
    assert {p.host for p in registry.portals} >= SEED_HOSTS
    assert all(p.listings[0].startswith("http://") for p in registry.portals)
    assert registry.get("kimdong.hungyen.gov.vn") is registry.get("hungyen-kimdong")


def test_a_new_portal_is_one_table(tmp_path):
    path = tmp_path / "portals.toml"
    path.write_text(VALID, encoding="utf-8")
    portal = load_registry(path, families=set(FAMILIES)).get("a")
    assert portal == Portal(
        "a",
        "a.gov.vn",
        "haiduong",
        "A",
        "xã",
        "Hải Dương",
        ("http://a.gov.vn/Trang/TinTuc.aspx?cid=2",),
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace('level = "xã"', 'level = "phường"'), "level 'phường' is not one of"),
        (lambda t: t.replace('"haiduong"', '"quangnam"'), "family 'quangnam' is not one of"),
        (lambda t: t.replace('name = "A"\n', ""), "field 'name' must be a non-empty string"),
        (lambda t: t.replace("http://a.gov.vn/", "http://b.gov.vn/"), "is not on host 'a.gov.vn'"),
        (lambda t: t.replace("listings = [", "listing = ["), "unknown field(s) ['listing']"),
        (lambda t: t + t, "id used twice: ['a']"),
        (lambda t: t.replace("[[portal]]", "[[portal]"), "is not valid TOML"),
        (lambda t: "", "has no [[portal]] tables"),
    ],
)
def test_malformed_registry_is_reported_with_file_portal_and_field(tmp_path, change, message):
    path = tmp_path / "portals.toml"
    path.write_text(change(VALID), encoding="utf-8")
    with pytest.raises(RegistryError) as error:
        load_registry(path, families=set(FAMILIES))
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_unknown_portal_names_the_known_ones():
    with pytest.raises(RegistryError, match="unknown portal 'nowhere'.*hungyen-kimdong"):
        load_registry().get("nowhere")


def test_missing_registry_file(tmp_path):
    with pytest.raises(RegistryError, match="does not exist"):
        load_registry(tmp_path / "none.toml")


def test_registry_families_are_checked_against_every_spider_in_the_spider_loader(tmp_path):
    from scrapy.spiderloader import get_spider_loader
    from scrapy.utils.project import get_project_settings

    from crawler.registry import spider_families

    settings = get_project_settings()
    loader = get_spider_loader(settings)
    families = spider_families(settings)
    family_spiders = [n for n in loader.list() if getattr(loader.load(n), "markup", None)]
    assert {"tandan", "hungyen", "ninhbinh", "haiduong", "nukeviet"} <= families
    for name in family_spiders:  # every family spider's names are registry families
        assert loader.load(name).families() <= families
        assert loader.load(name).markup.family in FAMILIES
    assert {p.family for p in load_registry(families=families).portals} <= families
    path = tmp_path / "portals.toml"
    path.write_text(VALID.replace('family = "haiduong"', 'family = "wordpress"'), "utf-8")
    with pytest.raises(RegistryError, match="family 'wordpress' is not one of"):
        load_registry(path, families=families)
