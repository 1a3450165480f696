"""Download the files articles link to, only when asked: ``-s DOWNLOAD_ATTACHMENTS=1``.

Scrapy's FilesPipeline does the work; this subclass chooses what it fetches: attachments on
the article's own portal (its host, or www. of it), each at most ATTACHMENT_MAX_BYTES
(a larger file is refused while downloading and recorded as not saved). Files go to
FILES_STORE as ``<portal>/<sha1 of the URL>.<type>``; the path is stored in the
``attachments`` table (column ``path``) by StoragePipeline.
"""

from __future__ import annotations

import hashlib
import logging

from itemadapter import ItemAdapter
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.pipelines.files import FilesPipeline

from crawler.items import ArticleItem
from crawler.parsing.base import same_site

logger = logging.getLogger(__name__)


class AttachmentFilesPipeline(FilesPipeline):
    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("DOWNLOAD_ATTACHMENTS"):
            raise NotConfigured("attachments are not downloaded (DOWNLOAD_ATTACHMENTS=0)")
        pipeline = super().from_crawler(crawler)
        pipeline.max_bytes = crawler.settings.getint("ATTACHMENT_MAX_BYTES")
        pipeline.stats = crawler.stats
        return pipeline

    def wanted(self, item) -> list[dict]:
        """The item's attachments this pipeline fetches: those on the article's portal."""
        if not isinstance(item, ArticleItem):
            return []
        adapter = ItemAdapter(item)
        return [
            attachment
            for attachment in adapter.get("attachments") or []
            if same_site(attachment["file_url"], adapter["url"])
        ]

    def get_media_requests(self, item, info):
        wanted = self.wanted(item)
        skipped = len(ItemAdapter(item).get("attachments") or []) - len(wanted)
        if skipped and isinstance(item, ArticleItem):
            self.stats.inc_value("attachments/offsite_not_downloaded", skipped)
        return [
            Request(
                attachment["file_url"],
                meta={
                    "download_maxsize": self.max_bytes,
                    "portal": item["portal"],
                    "stage": "attachment",
                    "file_type": attachment.get("file_type"),
                },
            )
            for attachment in wanted
        ]

    def file_path(self, request, response=None, info=None, *, item=None):
        digest = hashlib.sha1(request.url.encode("utf-8")).hexdigest()  # noqa: S324 (a name)
        extension = request.meta.get("file_type") or "bin"
        return f"{request.meta.get('portal') or 'unknown'}/{digest}.{extension}"

    def item_completed(self, results, item, info):
        for attachment, (ok, result) in zip(self.wanted(item), results, strict=True):
            if ok:
                attachment["path"] = result["path"]
                self.stats.inc_value("attachments/downloaded")
                continue
            self.stats.inc_value("attachments/download_failed")
            logger.warning(
                "attachment %s of %s not saved: %s",
                attachment["file_url"],
                item["url"],
                result.getErrorMessage() if hasattr(result, "getErrorMessage") else result,
            )
        return item
