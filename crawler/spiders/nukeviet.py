from crawler.parsing.families import NukeVietNews
from crawler.spiders.base import FamilySpider


class NukeVietSpider(FamilySpider):
    """Portals built on NukeViet's news module (commune, school and agency sites)."""

    name = "nukeviet"
    markup = NukeVietNews()
