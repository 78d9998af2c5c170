"""Copied parts come compressed: splicing them into a page stream gives the stream of the
joined text, whatever their order and length."""

from __future__ import annotations

import zlib

import pytest

from careprint.layout.replay import Packed, pack


def packed(text: str) -> Packed:
    made, deflated = pack([text])  # a part, compressed on its own as a recording is
    assert made == text
    return Packed(text, deflated)


LONG = " ".join(f"{n} 0 0 1 {n * 3.5} {n * 7.25} cm BT /F1+0 12 Tf (abc) Tj ET" for n in range(60))


@pytest.mark.parametrize(
    "items",
    [
        ["q", packed(LONG), "Q"],
        [packed(LONG), "1 0 0 1 10 20 cm", packed("short"), packed(LONG), " ", ""],
        ["BT /F1 12 Tf 14.4 TL ET", LONG, packed(""), LONG + "x", packed(LONG)],
        [packed("a"), packed("b")],
        ["only fresh text", LONG],
    ],
)
def test_a_page_stream_with_copied_parts_decompresses_to_the_joined_text(
    items: list[str],
) -> None:
    text, deflated = pack(items, final=True)
    assert text == "\n".join(items)
    stream = b"\x78\x9c" + deflated + zlib.adler32(text.encode()).to_bytes(4, "big")
    assert zlib.decompress(stream) == text.encode()
