"""The body hygiene every parser shares, on markup shaped like what the outlets and the
embed providers really serve (class names, nesting, the text a provider's script leaves)."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.parsers.body import Body, clean_body
from newscrawl.parsers.clutter import embeds
from newscrawl.parsers.text import text_blocks

BASE = "https://www.liputan6.com/news/read/5100001/judul-berita"
BEFORE = "<p>Paragraf pembuka berita yang berisi fakta utama kejadian.</p>"
AFTER = "<p>Paragraf penutup berita dengan keterangan tambahan dari narasumber.</p>"
TEXT = [
    "Paragraf pembuka berita yang berisi fakta utama kejadian.",
    "Paragraf penutup berita dengan keterangan tambahan dari narasumber.",
]


def body_of(*containers: str) -> Body:
    roots = [lxml.html.fragment_fromstring(html, create_parent="div") for html in containers]
    return clean_body(text_blocks(roots, BASE))


def embeds_of(html: str) -> list[dict[str, str]]:
    return embeds(lxml.html.fragment_fromstring(html, create_parent="div"), BASE)


# -- embedded posts and players: out of the text, into embeds ----------------------------

TWEET = (
    '<blockquote class="twitter-tweet"><p lang="in" dir="ltr">Pantauan arus balik di Tol '
    'Cikampek pagi ini. <a href="https://t.co/AbCdEf123">pic.twitter.com/AbCdEf123</a></p>'
    "&mdash; TMC Polda Metro (@TMCPoldaMetro) "
    '<a href="https://twitter.com/TMCPoldaMetro/status/1851234567890123456?ref_src=twsrc%5Etfw">'
    "October 31, 2026</a></blockquote>"
    '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
)
INSTAGRAM = (
    '<blockquote class="instagram-media" data-instgrm-captioned '
    'data-instgrm-permalink="https://www.instagram.com/p/DQx1AbCdEfG/?utm_source=ig_embed" '
    'data-instgrm-version="14"><div><a href="https://www.instagram.com/p/DQx1AbCdEfG/?'
    'utm_source=ig_embed" target="_blank"><div>Lihat postingan ini di Instagram</div></a>'
    '<p><a href="https://www.instagram.com/p/DQx1AbCdEfG/?utm_source=ig_embed">Sebuah kiriman '
    "dibagikan oleh Humas Polri (@divisihumaspolri)</a></p></div></blockquote>"
    '<script async src="//www.instagram.com/embed.js"></script>'
)
TIKTOK = (
    '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@bmkgindonesia/video/'
    '7432100000000000001" data-video-id="7432100000000000001"><section><a target="_blank" '
    'href="https://www.tiktok.com/@bmkgindonesia">@bmkgindonesia</a> Waspada cuaca ekstrem '
    '<a href="https://www.tiktok.com/music/suara-asli">♬ suara asli - BMKG</a></section>'
    "</blockquote>"
)
YOUTUBE = (
    '<div class="video-wrapper"><iframe width="560" height="315" '
    'src="https://www.youtube.com/embed/Jt9qLk2Vb0s" title="YouTube video player" '
    "allowfullscreen></iframe></div>"
)
FACEBOOK_VIDEO = (
    '<iframe src="https://www.facebook.com/plugins/video.php?height=314&href=https%3A%2F%2F'
    'www.facebook.com%2Fhumas.jabar%2Fvideos%2F123%2F&show_text=false" width="560"></iframe>'
)
VIDIO = (
    '<iframe class="vidio-embed" src="https://www.vidio.com/embed/7654321-banjir-rob?'
    'autoplay=false" width="100%" height="360"></iframe>'
)

# AMP pages (the /amp/ copies of most outlets' articles, common in web archives) embed posts
# and players as AMP components, an ID in an attribute.
AMP_TWEET = (
    '<amp-twitter width="375" height="472" layout="responsive" '
    'data-tweetid="1851234567890123456"></amp-twitter>'
)
AMP_TWEET_PLACEHOLDER = (
    '<amp-twitter width="375" height="472" layout="responsive" data-tweetid="1851234567890123456">'
    + TWEET.replace(
        '<blockquote class="twitter-tweet">', '<blockquote placeholder class="twitter-tweet">'
    )
    + "</amp-twitter>"
)
AMP_INSTAGRAM = (
    '<amp-instagram data-shortcode="DQx1AbCdEfG" data-captioned width="400" height="400" '
    'layout="responsive"></amp-instagram>'
)
AMP_YOUTUBE = (
    '<amp-youtube data-videoid="Jt9qLk2Vb0s" layout="responsive" width="480" height="270">'
    "</amp-youtube>"
)
AMP_FACEBOOK = (
    '<amp-facebook width="552" height="310" layout="responsive" data-embed-as="video" '
    'data-href="https://www.facebook.com/humas.jabar/videos/123/"></amp-facebook>'
)
AMP_VIDIO = (
    '<amp-iframe width="560" height="315" layout="responsive" sandbox="allow-scripts" '
    'src="https://www.vidio.com/embed/7654321-banjir-rob?autoplay=false">'
    '<amp-img placeholder layout="fill" src="https://thumbor.prod.vidiocdn.com/x.jpg">'
    "</amp-img></amp-iframe>"
)


@pytest.mark.parametrize(
    ("markup", "kind", "url"),
    [
        (AMP_TWEET, "twitter", "https://twitter.com/i/status/1851234567890123456"),
        (
            AMP_TWEET_PLACEHOLDER,
            "twitter",
            "https://twitter.com/TMCPoldaMetro/status/1851234567890123456",
        ),
        (AMP_INSTAGRAM, "instagram", "https://www.instagram.com/p/DQx1AbCdEfG/"),
        (AMP_YOUTUBE, "youtube", "https://www.youtube.com/watch?v=Jt9qLk2Vb0s"),
        (AMP_FACEBOOK, "facebook", "https://www.facebook.com/humas.jabar/videos/123/"),
        (AMP_VIDIO, "vidio", "https://www.vidio.com/embed/7654321-banjir-rob?autoplay=false"),
        (TWEET, "twitter", "https://twitter.com/TMCPoldaMetro/status/1851234567890123456"),
        (INSTAGRAM, "instagram", "https://www.instagram.com/p/DQx1AbCdEfG/"),
        (TIKTOK, "tiktok", "https://www.tiktok.com/@bmkgindonesia/video/7432100000000000001"),
        (YOUTUBE, "youtube", "https://www.youtube.com/embed/Jt9qLk2Vb0s"),
        (VIDIO, "vidio", "https://www.vidio.com/embed/7654321-banjir-rob?autoplay=false"),
    ],
)
def test_embedded_posts_leave_the_text_and_are_kept_as_embeds(
    markup: str, kind: str, url: str
) -> None:
    assert body_of(BEFORE + markup + AFTER).paragraphs == TEXT
    assert embeds_of(markup) == [{"kind": kind, "url": url}]


def test_a_facebook_video_is_an_embed_but_a_like_button_is_not() -> None:
    assert [e["kind"] for e in embeds_of(FACEBOOK_VIDEO)] == ["facebook"]
    like = '<iframe src="https://www.facebook.com/plugins/like.php?href=x&layout=button"></iframe>'
    assert embeds_of(like) == []


@pytest.mark.parametrize(
    "component",
    [
        # An ad slot's fallback text, shown when no ad is served.
        '<amp-ad width="300" height="250" type="doubleclick" data-slot="/1485/Suara/AMP/Body">'
        "<div fallback>Iklan belum tersedia. Muat ulang halaman untuk melihat iklan.</div>"
        "</amp-ad>",
        '<amp-embed width="600" height="600" layout="responsive" type="taboola" '
        'data-publisher="suara"><div placeholder>Memuat rekomendasi...</div></amp-embed>',
        '<amp-sidebar id="menu" layout="nodisplay" side="left"><ul><li><a href="/news">News'
        '</a></li><li><a href="/bola">Bola</a></li></ul></amp-sidebar>',
        '<amp-analytics type="gtag"><script type="application/json">{"vars": {"gtag_id": '
        '"G-XXXX"}}</script></amp-analytics>',
        '<amp-next-page><script type="application/json">[{"title": "Berita berikutnya", '
        '"url": "/amp/news/2026/11/02/berikutnya"}]</script></amp-next-page>',
        '<amp-social-share type="whatsapp" width="32" height="32">Bagikan</amp-social-share>',
        '<amp-img src="https://media.suara.com/x.jpg" width="970" height="544">'
        '<noscript><img src="https://media.suara.com/x.jpg" alt="Foto"></noscript></amp-img>',
    ],
)
def test_amp_components_are_not_text(component: str) -> None:
    assert body_of(BEFORE + component + AFTER).paragraphs == TEXT


def test_amp_components_that_hold_text_keep_it() -> None:
    fitted = '<amp-fit-text width="300" height="60" layout="responsive">Kutipan pilihan editor.'
    body = body_of(BEFORE + fitted + "</amp-fit-text>" + AFTER)
    assert body.paragraphs == [TEXT[0], "Kutipan pilihan editor.", TEXT[1]]


@pytest.mark.parametrize(
    "leftover",
    [
        # What a tweet leaves when the page lost its blockquote class.
        "<p>Pantauan arus balik pagi ini. pic.twitter.com/AbCdEf123</p>"
        "<p>&mdash; TMC Polda Metro (@TMCPoldaMetro) October 31, 2026</p>",
        "<p>A post shared by Humas Polri (@divisihumaspolri) on Oct 31, 2026 at 9:05am PDT</p>",
        "<p>Lihat postingan ini di Instagram</p>",
        "<p>♬ suara asli - BMKG</p>",
    ],
)
def test_what_embedded_posts_leave_as_text_is_removed(leftover: str) -> None:
    assert body_of(BEFORE + leftover + AFTER).paragraphs == TEXT


# -- captions and pictures ---------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        # liputan6 2019-22: the picture box, its caption and the "enlarge" button.
        '<div class="article-content-body__item-media"><figure class="read-page--photo-gallery'
        '--item"><div class="read-page--photo-gallery--item__content js-gallery-content"><a '
        'class="read-page--photo-gallery--item__link" href="#"><picture><img src="a.jpg">'
        '</picture></a></div><figcaption class="read-page--photo-gallery--item__caption">'
        "Petugas memeriksa tanggul. (Liputan6.com/Faizal Fanani)</figcaption></figure></div>",
        # The same when the page lost its figure markup: the caption line and the button.
        "<p>Petugas memeriksa tanggul yang jebol di Bekasi. (Liputan6.com/Faizal Fanani)"
        "Perbesar</p>",
        "<p>Perbesar</p>",
        "<p>Foto: Humas Pemkot Bekasi</p>",
        "<p>Warga mengungsi ke masjid, Sabtu (31/10/2026). (Foto: Antara/Fakhri Hermansyah)</p>",
        "<p>(Liputan6.com/Faizal Fanani)</p>",
        '<div class="caption">Suasana posko banjir di Bekasi.</div>',
        "<p>Infografis Banjir Rob Rendam Pesisir Utara Jawa</p>",
    ],
)
def test_captions_and_credits_are_not_text(caption: str) -> None:
    assert body_of(BEFORE + caption + AFTER).paragraphs == TEXT


# -- prompts, ad labels, paging ----------------------------------------------------------


@pytest.mark.parametrize(
    "clutter",
    [
        # detik: the ad slot's labels, in a box and as text.
        '<div class="parallaxindetail scrollpage"><div class="text-center">ADVERTISEMENT</div>'
        '<div class="text-center">SCROLL TO CONTINUE WITH CONTENT</div></div>',
        "<p>ADVERTISEMENT</p><p>SCROLL TO CONTINUE WITH CONTENT</p>",
        # liputan6 2019-22.
        '<div class="advertisement-text">Advertisement</div>'
        "<p>Scroll down untuk melanjutkan membaca</p>",
        "<p>Lanjutkan membaca artikel di bawah</p>",
        '<div id="div-gpt-ad-1234567890-0" class="ads-slot"></div>',
        # Links to the rest of the text or to a channel.
        '<p><a href="https://www.liputan6.com/news/read/5100002/x">Baca artikel selengkapnya di '
        "sini</a></p>",
        "<p>Lanjut ke halaman berikutnya</p>",
        '<p><a href="https://example.id/wa">Klik di sini</a> untuk mendapatkan update berita '
        "terkini.</p>",
        '<p>Baca berita lainnya di <a href="https://news.google.com/x">Google News</a></p>',
        # Paging: liputan6's divider, kompas' bar, a plain label.
        '<div class="article-content-body__item-break"><span class="article-content-body__'
        'item-break-index">2 dari 3 halaman</span></div>',
        '<div class="read__paging clearfix"><div class="paging__wrap"><a href="?page=1">1</a>'
        '<a href="?page=2">2</a><a href="?page=2">Selanjutnya</a></div></div>',
        "<p>Halaman 2</p>",
        "<p>Selanjutnya</p>",
        "<p>1 2 3 4 Berikutnya »</p>",
        # A table of contents (detik's collapsible one).
        '<div class="itp__toc_title">Daftar Isi</div><ul><li><a href="#jadwal">Jadwal</a></li>'
        '<li><a href="#imbauan">Imbauan</a></li></ul>',
    ],
)
def test_prompts_ad_labels_and_paging_are_not_text(clutter: str) -> None:
    assert body_of(BEFORE + clutter + AFTER).paragraphs == TEXT


@pytest.mark.parametrize(
    "sentence",
    [
        "Baca selengkapnya laporan tahunan itu, kata dia, tersedia di laman resmi kementerian.",
        "Klik di sini, kata warga, sudah jadi kebiasaan sejak layanan daring dibuka Dinas "
        "Kependudukan dan Catatan Sipil kota itu pada awal tahun, meski masih banyak yang datang "
        "langsung ke kantor kelurahan.",
        "Baca tulis menjadi kemampuan dasar yang diajarkan di sekolah dasar.",
    ],
)
def test_sentences_that_start_like_a_prompt_stay(sentence: str) -> None:
    assert body_of(BEFORE + f"<p>{sentence}</p>" + AFTER).paragraphs == [
        TEXT[0],
        sentence,
        TEXT[1],
    ]


# -- promotions and syndication ----------------------------------------------------------


@pytest.mark.parametrize(
    "promo",
    [
        "<p>Ikuti berita terkini dari Liputan6.com di Google News.</p>",
        "<p><strong>Dapatkan update berita pilihan dan breaking news setiap hari dari "
        'Kompas.com. Mari bergabung di Grup Telegram "Kompas.com News Update".</strong></p>',
        "<p>Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran "
        "andalanmu akses berita melalui WhatsApp Channel.</p>",
        "<p>Cek berita dan artikel yg lain di Google News dan ikuti WhatsApp channel "
        "mediaindonesia.com</p>",
        '<div class="newsletter-box"><p>Daftarkan email Anda untuk menerima ringkasan berita '
        "setiap pagi.</p></div>",
    ],
)
def test_promotions_are_not_text(promo: str) -> None:
    assert body_of(BEFORE + promo + AFTER).paragraphs == TEXT


@pytest.mark.parametrize(
    "box",
    [
        # Simple Author Box, appended to a WordPress post's content.
        '<div class="saboxplugin-wrap" itemtype="http://schema.org/Person" itemscope '
        'itemprop="author"><div class="saboxplugin-tab"><div class="saboxplugin-gravatar">'
        '<img src="https://example.id/avatar.jpg" alt="Rina"></div><div class="saboxplugin-'
        'authorname"><a href="https://example.id/author/rina/" class="vcard author" rel="author">'
        '<span class="fn">Rina Wulandari</span></a></div><div class="saboxplugin-desc">'
        '<div itemprop="description"><p>Rina meliput isu lingkungan dan pemerintahan daerah di '
        "Jawa Timur sejak 2012.</p></div></div></div></div>",
        '<div class="author-box"><h4>Tentang Penulis</h4><p>Budi menulis tentang ekonomi dan '
        "pasar modal.</p></div>",
        '<section class="about-author"><p>Penulis adalah kontributor lepas di Makassar.</p>'
        "</section>",
    ],
)
def test_an_authors_bio_box_is_not_text(box: str) -> None:
    assert body_of(BEFORE + box + AFTER).paragraphs == TEXT


@pytest.mark.parametrize(
    "footer",
    [
        "<p>Artikel ini telah tayang di Tribunnews.com dengan judul Banjir Rob Rendam Pesisir</p>",
        "<p>Sebagian artikel ini telah tayang di Kompas.com dengan judul Tanggul Jebol</p>",
    ],
)
def test_a_syndication_footer_ends_the_body(footer: str) -> None:
    body = body_of(BEFORE + footer + AFTER)
    assert body.paragraphs == TEXT[:1]


# -- read-also forms ---------------------------------------------------------------------

LINK = '<a href="/news/read/5099999/tanggul-jebol">Tanggul Jebol di Bekasi</a>'
RELATED = [
    {
        "title": "Tanggul Jebol di Bekasi",
        "url": "https://www.liputan6.com/news/read/5099999/tanggul-jebol",
    }
]


@pytest.mark.parametrize(
    "related",
    [
        f"<p><strong>Baca juga:</strong> {LINK}</p>",
        f"<p>BACA JUGA : {LINK}</p>",
        f"<p>Baca: {LINK}</p>",
        f"<p>Simak juga: {LINK}</p>",
        f"<p>Lihat juga:<br>{LINK}</p>",
        f"<p>Jangan lewatkan: {LINK}</p>",
        f"<p>Berita terkait:</p><p>{LINK}</p>",
        # The label inside the link (idntimes, sindonews).
        '<p><a href="/news/read/5099999/tanggul-jebol"><strong>Baca Juga: Tanggul Jebol di '
        "Bekasi</strong></a></p>",
        # liputan6's box and kompas' injected one.
        f'<div class="baca-juga-collections"><div class="baca-juga-collections__title">Baca '
        f'Juga</div><ul><li class="baca-juga-collections__item">{LINK}</li></ul></div>',
        f'<div class="inject-baca-juga">{LINK}</div>',
    ],
)
def test_read_also_forms_become_baca_juga(related: str) -> None:
    body = body_of(BEFORE + related + AFTER)
    assert body.paragraphs == TEXT
    assert body.baca_juga == RELATED


def test_a_link_read_also_twice_is_listed_once() -> None:
    body = body_of(BEFORE + f"<p>Baca juga: {LINK}</p>" + AFTER + f"<p>Baca juga: {LINK}</p>")
    assert body.baca_juga == RELATED


# -- editor codes and credits -------------------------------------------------------------


@pytest.mark.parametrize(
    ("ending", "code"),
    [
        ("narasumber. (ant)", "ant"),
        ("narasumber. (mdk/ded)", "mdk/ded"),
        ("narasumber. (Ab/Cd)", "Ab/Cd"),
        ("narasumber.(*)", "*"),
        ("narasumber. [ian]", "ian"),
        ("narasumber. (H-4)", "H-4"),
    ],
)
def test_a_trailing_editor_code_is_peeled(ending: str, code: str) -> None:
    body = body_of(BEFORE + f"<p>Paragraf penutup berita dengan keterangan dari {ending}</p>")
    assert body.editor_code == code
    assert body.paragraphs[-1].endswith("narasumber.")


def test_an_acronym_ending_a_sentence_is_not_an_editor_code() -> None:
    body = body_of("<p>Laporan itu diserahkan kepada Komisi Pemberantasan Korupsi (KPK)</p>")
    assert body.editor_code is None


def test_each_page_section_may_end_in_its_own_editor_code() -> None:
    page_one = "<p>Halaman pertama berita tentang banjir rob di pesisir. (ant)</p>"
    page_two = "<p>Halaman kedua berita tentang pengungsi di masjid. (ant)</p>"
    body = body_of(page_one, page_two)
    assert body.paragraphs == [
        "Halaman pertama berita tentang banjir rob di pesisir.",
        "Halaman kedua berita tentang pengungsi di masjid.",
    ]
    assert body.editor_code == "ant"


def test_credit_lines_leave_the_body_with_their_names() -> None:
    body = body_of(
        "<p>Laporan Reporter POS-KUPANG.COM, Yohanes Bere Nahak</p>"
        + BEFORE
        + AFTER
        + "<p>Penulis: Dewi Lestari | Editor: Andhika Prasetyo</p>"
    )
    assert body.paragraphs == TEXT
    assert body.credited_authors == ["Yohanes Bere Nahak", "Dewi Lestari"]
    assert body.credited_editors == ["Andhika Prasetyo"]
