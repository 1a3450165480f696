"""Item pipelines, wired in settings.ITEM_PIPELINES."""
