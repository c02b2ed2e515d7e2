"""Parsers: one module per outlet with a dedicated parser (its layout versions, oldest first,
in ``PARSERS``), the generic parser for every other page, and the helpers they share (``base``,
``body``, ``text``, ``survey``). Which outlet uses which parser is declared in ``spiders/``
(:mod:`newscrawl.outlet`)."""
