from __future__ import annotations

import pytest

from tests.cases import SHARED_PAGES


@pytest.fixture
def shared_pages():
    """The real saved pages in ../shared/pages; tests using them skip where it is absent."""
    if not SHARED_PAGES.is_dir():
        pytest.skip(f"real saved pages not found at {SHARED_PAGES} (../shared is absent)")
    return SHARED_PAGES
