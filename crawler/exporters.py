"""Feed exporters tuned for the people who open our CSV files in Excel."""

from scrapy.exporters import CsvItemExporter

from crawler.exports import excel_cell


class ExcelCsvItemExporter(CsvItemExporter):
    """CSV in UTF-8 with a byte-order mark, so that Excel shows Vietnamese intact; text that
    Excel would run as a formula is escaped, booleans are 0/1 (as in `scrapy export`)."""

    def __init__(self, file, **kwargs):
        kwargs["encoding"] = "utf-8-sig"
        super().__init__(file, **kwargs)

    def serialize_field(self, field, name, value):
        return excel_cell(super().serialize_field(field, name, excel_cell(value)))
