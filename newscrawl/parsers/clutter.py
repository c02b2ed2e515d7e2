"""What inside an article's text container is not article text, judged by the element itself.

Every parser's body walk (:func:`newscrawl.parsers.text.text_blocks`) asks :func:`box_kind`
about each element: ad slots, share bars, newsletter and channel boxes, photo galleries,
captions and credits, players, tag lists, paging bars and polls are *skipped* (their tail text
stays); read-also boxes ("baca juga", "berita terkait", "related") become one read-also line
whose links go to ``baca_juga``. The judgement reads the words of the element's class and id
(``ads-on-body`` -> ads, on, body), the way CMS templates name their boxes, so it holds on
layouts no parser has seen. Embedded posts and players are listed by :func:`embeds` before they
are skipped: they are content, not text.
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import urlsplit

from lxml import etree

from newscrawl.urls import canonical_url

SKIP, RELATED = "skip", "related"

#: Class/id words of boxes that are never article text.
SKIP_WORDS = frozenset(
    "ad ads adv advert adverts advertisement advertorial iklan banner banners gpt dfp "
    "adsbygoogle adslot parallax inread outstream sponsor sponsored share sharing "
    "sharethis social sosmed socmed newsletter subscribe subscription langganan "
    "comment comments komentar disqus caption captions credit figcaption gallery galeri "
    "slideshow slider carousel photo foto video videos player embed embeds twitter tweet "
    "instagram tiktok youtube facebook infografis infographic pagination paging pager "
    "breadcrumb breadcrumbs tags tag topik hashtag polling poll quiz promo "
    "promotion whatsapp telegram googlenews toolbar toc daftarisi authorbox saboxplugin".split()
)
#: Class/id words of read-also boxes.
RELATED_WORDS = frozenset(
    "related terkait bacajuga readalso rekomendasi recommendation recommended "
    "lihatjuga simakjuga".split()
)
#: Word pairs that name read-also boxes when written apart ("baca-juga", "read_also").
RELATED_PAIRS = frozenset(
    {("baca", "juga"), ("read", "also"), ("lihat", "juga"), ("simak", "juga")}
)
#: Word pairs of boxes that are never text: a table of contents ("daftar-isi"), an author's
#: bio box (WordPress plugins append it to the post's content: "author-box", "about-author").
SKIP_PAIRS = frozenset(
    {
        ("daftar", "isi"),
        ("table", "contents"),
        ("author", "box"),
        ("about", "author"),
        ("author", "bio"),
    }
)
_WORDS = re.compile(r"[^a-z0-9]+")
_KINDS: dict[tuple[str, str], str | None] = {}


def box_kind(element: etree._Element) -> str | None:
    """:data:`SKIP`, :data:`RELATED` or None (text) for an element inside an article body."""
    names = element.get("class") or "", element.get("id") or ""
    if not names[0] and not names[1]:
        return None
    kind = _KINDS.get(names, "")
    if kind == "":
        kind = _judge(names)
        # Pages use a few hundred class names; a hostile page could invent millions.
        if len(_KINDS) < 20_000:
            _KINDS[names] = kind
    return kind


def _judge(names: tuple[str, str]) -> str | None:
    words = [w for w in _WORDS.split(f"{names[0]} {names[1]}".lower()) if w]
    unique = set(words)
    if unique & RELATED_WORDS or any(pair in RELATED_PAIRS for pair in itertools.pairwise(words)):
        return RELATED
    if unique & SKIP_WORDS or any(pair in SKIP_PAIRS for pair in itertools.pairwise(words)):
        return SKIP
    return None


def in_page_links_only(element: etree._Element) -> bool:
    """A list whose every link jumps within the page: a table of contents."""
    hrefs = [a.get("href") or "" for a in element.iter("a")]
    return len(hrefs) >= 2 and all(h.startswith("#") for h in hrefs)


#: iframe hosts and the kind of embed they are.
_PLAYERS = (
    ("youtube.com", "youtube"),
    ("youtube-nocookie.com", "youtube"),
    ("youtu.be", "youtube"),
    ("facebook.com", "facebook"),
    ("instagram.com", "instagram"),
    ("twitter.com", "twitter"),
    ("x.com", "twitter"),
    ("tiktok.com", "tiktok"),
    ("vidio.com", "vidio"),
    ("dailymotion.com", "dailymotion"),
    ("vimeo.com", "vimeo"),
    ("spotify.com", "spotify"),
    ("soundcloud.com", "soundcloud"),
)
#: blockquote classes of embedded posts: the post's URL is its last link (or ``cite``).
_POSTS = {"twitter-tweet": "twitter", "instagram-media": "instagram", "tiktok-embed": "tiktok"}
#: AMP's embed components: their kind, and their post's or player's URL from their attributes
#: (an ID, or a URL in ``data-href``). amp-twitter's placeholder blockquote, when it has one,
#: gives the tweet's own URL instead (amp-iframe is read as an iframe).
_AMP_EMBEDS = {
    "amp-twitter": ("twitter", "data-tweetid", "https://twitter.com/i/status/{}"),
    "amp-instagram": ("instagram", "data-shortcode", "https://www.instagram.com/p/{}/"),
    "amp-youtube": ("youtube", "data-videoid", "https://www.youtube.com/watch?v={}"),
    "amp-vimeo": ("vimeo", "data-videoid", "https://vimeo.com/{}"),
    "amp-dailymotion": ("dailymotion", "data-videoid", "https://www.dailymotion.com/video/{}"),
    "amp-tiktok": ("tiktok", "data-src", "https://www.tiktok.com/embed/v2/{}"),
    "amp-facebook": ("facebook", "data-href", "{}"),
}
#: Elements that may be embeds, found by lxml's iter() by name: over the whole of a real page,
#: 0.18 ms, where an XPath of iframes and blockquotes alone took 0.41 and one testing these
#: names 1.55.
_EMBED_TAGS = ("iframe", "blockquote", "amp-iframe", *_AMP_EMBEDS)


def embeds(container: etree._Element, base_url: str) -> list[dict[str, str]]:
    """The posts and players embedded in ``container``, in order: ``{"kind", "url"}``."""
    found: list[dict[str, str]] = []
    for element in container.iter(*_EMBED_TAGS):
        if element.tag in ("iframe", "amp-iframe"):
            src = element.get("data-src") or element.get("src") or ""
            kind = _player(src)
            url = src
        elif element.tag != "blockquote":
            kind, url = _amp_embed(element)
        else:
            classes = set((element.get("class") or "").split())
            kind = next((k for c, k in _POSTS.items() if c in classes), None)
            links = [a.get("href") for a in element.iter("a") if a.get("href")]
            url = (
                element.get("cite")
                or element.get("data-instgrm-permalink")
                or (links[-1] if links else "")
            )
        if kind is None or not url:
            continue
        try:
            absolute = canonical_url(url.strip(), base_url, https=False)
        except ValueError:
            continue
        if absolute.startswith(("http://", "https://")) and all(
            e["url"] != absolute for e in found
        ):
            found.append({"kind": kind, "url": absolute})
    return found


def _amp_embed(element: etree._Element) -> tuple[str | None, str]:
    """(kind, URL) of an AMP embed component, (None, "") for any other ``amp-*``."""
    known = _AMP_EMBEDS.get(element.tag)
    if known is None or (
        element.tag == "amp-twitter" and element.find(".//blockquote") is not None
    ):
        return None, ""
    kind, attribute, template = known
    value = (element.get(attribute) or "").strip()
    if not value:
        return None, ""
    return kind, value if "//" in value else template.format(value)


#: Widgets those hosts also serve in iframes: buttons and badges, not posts or players.
_WIDGET_PATH = re.compile(
    r"/(?:plugins/(?:like|share_button|follow|page|comments)|widgets/(?:tweet|follow)_button|"
    r"subscribe_embed)",
    re.IGNORECASE,
)


def _player(src: str) -> str | None:
    try:
        parts = urlsplit(src.strip() if "//" in src else "")
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if _WIDGET_PATH.search(parts.path):
        return None
    for domain, kind in _PLAYERS:
        if host == domain or host.endswith("." + domain):
            return kind
    return None
