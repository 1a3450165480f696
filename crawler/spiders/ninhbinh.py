from crawler.parsing.families import NinhBinhDistrict
from crawler.spiders.base import FamilySpider


class NinhBinhDistrictSpider(FamilySpider):
    """Ninh Bình district portals."""

    name = "ninhbinh"
    markup = NinhBinhDistrict()
