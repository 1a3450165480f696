from crawler.parsing.families import TanDanSharePoint
from crawler.spiders.base import FamilySpider


class TanDanSpider(FamilySpider):
    """Portals of Tân Dân's SharePoint platform, every province and version
    (registry family ``tandan``, or ``hungyen`` as the first portals were registered)."""

    name = "tandan"
    markup = TanDanSharePoint()
