"""Components wired by settings around the spiders: incremental state, portal bounds."""
