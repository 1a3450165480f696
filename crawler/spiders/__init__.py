"""One spider per portal family; each is configuration of the shared FamilySpider."""
