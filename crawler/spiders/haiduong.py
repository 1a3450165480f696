from crawler.parsing.families import HaiDuongCommune
from crawler.spiders.base import FamilySpider


class HaiDuongCommuneSpider(FamilySpider):
    """Hải Dương commune portals."""

    name = "haiduong"
    markup = HaiDuongCommune()
