"""Project Multatuli (projectmultatuli.org): long-form journalism on WordPress and Elementor,
in Indonesian and, under ``/en/``, English (the page's ``lang`` decides the record's language).
The site feed and the Yoast sitemap index list the articles; dates are WIB."""

from newscrawl.outlet import Feed, Outlet, Sitemap
from newscrawl.parsers.generic import GenericParser


class ProjectMultatuliParser(GenericParser):
    """Elementor's post-content widget holds the text; its author box the writers."""

    body_css = ".elementor-widget-theme-post-content"
    author_css = ".elementor-author-box__name, .elementor-post-info__item--type-author"


OUTLET = Outlet(
    name="projectmultatuli",
    domains=("projectmultatuli.org",),
    parser=ProjectMultatuliParser,
    base_url="https://projectmultatuli.org",
    sources=(
        Feed("{base}/feed/"),
        Sitemap("{base}/sitemap_index.xml", follow=r"post-sitemap", when="backfill"),
    ),
    not_people=("Project Multatuli", "Redaksi Project Multatuli", "Tim Project Multatuli"),
    title_suffix=r"\s*[|-]\s*Project\s+Multatuli\s*$",
    article_url=r"^/(?:(?:en|id)/)?[a-z0-9]+(?:-[a-z0-9]+){3,}/?$",
)
