"""idxchannel: which child sitemaps of the index are followed."""

from __future__ import annotations

import re

import pytest

from newscrawl.outlet import Sitemap, outlet_named


@pytest.mark.parametrize(
    ("child", "followed"),
    [
        ("https://www.idxchannel.com/market-news/sitemap.xml", True),
        ("https://www.idxchannel.com/economics/sitemap.xml", True),
        ("https://www.idxchannel.com/video/sitemap.xml", False),
        ("https://www.idxchannel.com/foto/sitemap.xml", False),
        ("https://www.idxchannel.com/infografis/sitemap.xml", False),
    ],
)
def test_news_sitemaps_only(child: str, followed: bool) -> None:
    source = outlet_named("idxchannel").sources[0]
    assert isinstance(source, Sitemap)
    assert bool(re.search(source.follow, child)) is followed
