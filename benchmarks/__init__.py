"""Hand-run benchmarks of newscrawl: parsing, dates, crawl throughput and crawl memory.

``python -m benchmarks`` runs all four and prints one table; see ``benchmarks/README.md``.
"""
