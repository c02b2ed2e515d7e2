"""The Conversation, Indonesian edition (theconversation.com/id): its Atom feed and news
sitemap for what is new (articles live at ``theconversation.com/<slug>-<id>``, outside
``/id``), the edition's paged ``/id/articles`` list for backfills. Machine dates are UTC;
records show them in WIB. Authors are academics with their affiliation beside the name."""

from newscrawl.outlet import Feed, Index, Outlet, Sitemap
from newscrawl.parsers.generic import GenericParser


class TheConversationParser(GenericParser):
    """The text box is ``itemprop=articleBody``; the lead figure and topics sit beside it."""

    body_css = "div[itemprop=articleBody]"
    image_caption_css = "div.article-body > figure figcaption"


OUTLET = Outlet(
    name="theconversation",
    domains=("theconversation.com/id",),
    parser=TheConversationParser,
    base_url="https://theconversation.com/id",
    sources=(
        Feed("https://theconversation.com/id/articles.atom"),
        Sitemap("https://theconversation.com/id/sitemap_news.xml", when="latest"),
        Index("https://theconversation.com/id/articles?page={page}", max_pages=30),
    ),
    not_people=("The Conversation", "The Conversation Indonesia"),
    title_suffix=r"\s*[-|]\s*The Conversation\b.*$",
    article_url=r"^/[a-z0-9]+(?:-[a-z0-9]+)+-\d{5,}$",
    note="articles live at theconversation.com/<slug>-<id>: the spider attributes them to this "
    "outlet; `newscrawl parse` on such a URL alone uses the generic parser",
)
