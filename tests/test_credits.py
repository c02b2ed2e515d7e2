"""Labelled credit lines: who wrote, who edited."""

from __future__ import annotations

import pytest

from newscrawl.parsers.credits import credits


@pytest.mark.parametrize(
    ("lines", "writers", "editors"),
    [
        (
            ["Rep: Dedy Darmawan Nasution/ Red: Fuji Pratiwi"],
            ["Dedy Darmawan Nasution"],
            ["Fuji Pratiwi"],
        ),
        (["Red: Yudha Manggala P Putra"], [], ["Yudha Manggala P Putra"]),
        (["Redaktur : Agus Yulianto", "Sumber : kemenag.go.id"], [], ["Agus Yulianto"]),
        (["Redaktur & Reporter : Boy"], ["Boy"], ["Boy"]),
        (["Reporter: Ana Sari Penulis: Ana Sari Editor: Budi"], ["Ana Sari", "Ana Sari"], ["Budi"]),
        (["Penyunting: Citra Penulis: Dodi"], ["Dodi"], ["Citra"]),
        # Labels end the names before them; unknown labels are read as nobody.
        (["Foto: Humas Pemkot Editor: Eka"], [], ["Eka"]),
        (["Kata redaksi: tidak ada"], [], []),
    ],
)
def test_credit_lines(lines: list[str], writers: list[str], editors: list[str]) -> None:
    found = credits(lines)
    assert found["rep"] == writers
    assert found["red"] == editors
