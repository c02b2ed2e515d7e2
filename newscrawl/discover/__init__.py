"""Discover: the base spider, discovery documents (sitemaps, feeds, indexes), the request queue and
the downloader middlewares (replay, retries)."""
