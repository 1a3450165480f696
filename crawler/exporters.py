"""Feed exporters tuned for the people who open our CSV files in Excel."""

from scrapy.exporters import CsvItemExporter


class ExcelCsvItemExporter(CsvItemExporter):
    """CSV in UTF-8 with a byte-order mark, so that Excel shows Vietnamese intact."""

    def __init__(self, file, **kwargs):
        kwargs["encoding"] = "utf-8-sig"
        super().__init__(file, **kwargs)
