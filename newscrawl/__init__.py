"""newscrawl: crawl Indonesian news outlets into clean, schema-checked JSON Lines."""

from newscrawl.api import parse_article
from newscrawl.errors import ArticleError, IncompleteArticle, NotAnArticle, UnsupportedSite

__all__ = ["ArticleError", "IncompleteArticle", "NotAnArticle", "UnsupportedSite", "parse_article"]
__version__ = "0.1.0"
