"""Kaltim Post (Samarinda, East Kalimantan): published today as Borneo24 (borneo24.com, the
Varient CMS), before on kaltimpost.id and kaltimpost.jawapos.com. Varient's latest-posts feed
and Google News sitemap list the articles at ``/<slug>``; the site prints times as "Oct 31,
2026 - 14:05" in WITA, its JSON-LD carries +08:00."""

from newscrawl.outlet import Feed, Outlet, Sitemap
from newscrawl.parsers.body import dateline_pattern
from newscrawl.parsers.generic import GenericParser
from newscrawl.parsers.text import unique


class KaltimPostParser(GenericParser):
    """Varient's post blocks (the same CMS as nusadaily.com)."""

    headline_css = "h1.post-title"
    subheadline_css = "h2.post-summary"
    date_css = "div.post-details-meta .item-meta-date span"
    author_css = ".item-meta-author span"
    tags_css = ".post-tags li a"
    body_css = "div.post-text, div.post-content div.entry-content"
    body_skip_css = ".container-bn, .bn-content"
    image_caption_css = ".post-image figcaption.img-description"
    dateline = dateline_pattern(brand=r"(?i:borneo24(?:\.com)?|kaltim\s*post|kaltimpost\.id)")

    def tags(self) -> list[str]:
        # Varient fills the JSON-LD keywords with SEO phrases; the editors' tags are listed.
        return list(unique(self.css_texts(self.tags_css))) or super().tags()


OUTLET = Outlet(
    name="kaltimpost",
    domains=("borneo24.com", "kaltimpost.id", "kaltimpost.jawapos.com"),
    parser=KaltimPostParser,
    zone="WITA",
    base_url="https://borneo24.com",
    sources=(Feed("{base}/rss/latest-posts"), Sitemap("{base}/sitemap-news.xml")),
    not_people=("Kaltim Post", "Borneo24", "Redaksi Borneo24", "Redaksi Kaltim Post"),
    title_suffix=r"\s*[|-]\s*(?:Borneo24|Kaltim\s*Post)(?:\.com|\.id)?\s*$",
    article_url=r"^/[a-z0-9]+(?:-[a-z0-9]+){3,}$",
)
