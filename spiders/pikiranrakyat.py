"""Pikiran Rakyat (pikiran-rakyat.com and the PRMN network on its subdomains; galamedia. is an
outlet of its own): the site feed and the sitemaps robots.txt names. Article URLs are
``/<kanal>/pr-<id>/<slug>``; long articles are paged (``?page=2``) and the pages are merged.
Dates are printed "Sabtu, 31 Oktober 2026 | 14:05 WIB"."""

from newscrawl.outlet import Feed, Outlet, Site
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser


class PikiranRakyatParser(GenericParser):
    """The PRMN templates' ``read__`` blocks."""

    date_css = "div.read__info__date"
    author_css = "div.read__info__author a"
    body_css = "article.read__content"
    body_skip_css = "div.read__paging, div.read__tagging"
    image_caption_css = "div.photo__caption"
    dateline = dateline_pattern(brand=r"(?i:pikiran\s+rakyat|pikiran-rakyat\.com)")


OUTLET = Outlet(
    name="pikiranrakyat",
    domains=("pikiran-rakyat.com",),
    parser=PikiranRakyatParser,
    sources=(Feed("{base}/rss"), Site("{base}")),
    not_people=("Pikiran Rakyat", "Pikiran-Rakyat.com", "PR", "Tim Pikiran Rakyat"),
    title_suffix=r"\s*[|-]\s*Pikiran[ -]Rakyat(?:\.com)?\s*$",
    article_url=r"^/[a-z0-9-]+/pr-\d+/[a-z0-9-]+",
)
