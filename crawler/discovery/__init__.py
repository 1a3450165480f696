"""Finding portals: platform detection, listings, linked portals, registry entries."""
