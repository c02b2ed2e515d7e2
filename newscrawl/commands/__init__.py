"""Project commands for ``scrapy``: ``crawl`` with a health-checked exit status."""
