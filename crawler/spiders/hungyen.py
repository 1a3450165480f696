from crawler.parsing.families import TanDanSharePoint
from crawler.spiders.base import FamilySpider


class TanDanSharePointSpider(FamilySpider):
    """Hưng Yên's Tân Dân SharePoint portals."""

    name = "hungyen"
    markup = TanDanSharePoint()
