"""Write a corpus of nasty input files into a folder, at test time (the big ones are never committed).

`python tests/data/bad/make_bad_files.py FOLDER` writes them by hand; tests call `make_bad_files`.
Each case is one file (or one folder) named after the case, so a test can feed them one at a time.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
import zipfile
from pathlib import Path

# The big single line: ten times the 5 MiB input limit.
BIG_LINE_BYTES = 50 * 1024 * 1024
# Nesting of the hostile HTML page: five times the 2,000-level limit factcheck accepts.
HTML_NESTING = 10_000
ARTICLE = (
    "Pakistan and China agreed on Tuesday to expand police cooperation, officials said. "
    "The interior minister said a new unit would protect Chinese nationals working in the country."
)
CLUTTER = """Home
Leave a Reply
Your email address will not be published. Required fields are marked *
You may also like:
Advertisement
Tags: police, china
"""


def write_big_line(path: Path, size: int = BIG_LINE_BYTES) -> None:
    """One line of `size` bytes with no newline, written in chunks so the writer stays small."""
    chunk = (b"word " * 200_000)[: 1024 * 1024]
    with path.open("wb") as handle:
        remaining = size
        while remaining > 0:
            handle.write(chunk[: min(len(chunk), remaining)])
            remaining -= len(chunk)


def zip_bomb_bytes() -> bytes:
    """A real zip of 100 MiB of zeros: about 100 KiB on disk, 1000 times that when opened."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("article.txt", "w", force_zip64=True) as member,
    ):
        for _ in range(100):
            member.write(b"\0" * (1024 * 1024))
    return buffer.getvalue()


def hostile_html() -> str:
    """Scripts, iframes and 10,000 nested tags around a real paragraph."""
    opening = "<div><span>" * (HTML_NESTING // 2)
    closing = "</span></div>" * (HTML_NESTING // 2)
    return (
        "<!DOCTYPE html><html><head><title>Hostile page</title>"
        "<script>while(true){document.write('<iframe src=x>')}</script></head><body>"
        '<iframe src="javascript:alert(1)"></iframe><script>alert(1)</script>'
        f"{opening}<p>{ARTICLE}</p>{closing}</body></html>"
    )


def make_bad_files(folder: Path) -> dict[str, Path]:
    """Write every case into `folder`; return case name -> the path to feed to factcheck."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        path = folder / name
        path.write_bytes(data)
        cases[Path(name).stem] = path

    put("binary.txt", bytes(range(256)) * 64)
    # "中" is three bytes in UTF-8: keep only the first two at the end.
    put("truncated_utf8.txt", (ARTICLE + " 中").encode()[:-1])
    put("utf16_bom.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    put("utf16_no_bom.txt", ARTICLE.encode("utf-16-le"))
    put("zip_bomb.txt", zip_bomb_bytes())
    put("hostile.html", hostile_html().encode())
    put("empty.txt", b"")
    put("whitespace.txt", b" \n\t\n\r\n   \n\f\n")
    put("clutter.txt", CLUTTER.encode())
    big = folder / "big_line.txt"
    write_big_line(big)
    cases["big_line"] = big
    loop = folder / "symlink_loop"
    loop.mkdir(exist_ok=True)
    for name, target in (("a.txt", "b.txt"), ("b.txt", "a.txt"), ("self", ".")):
        link = loop / name
        if not link.is_symlink():
            os.symlink(target, link)
    cases["symlink_loop"] = loop
    unreadable = folder / "unreadable.txt"
    unreadable.write_text(ARTICLE, encoding="utf-8")
    unreadable.chmod(0)
    cases["unreadable"] = unreadable
    return cases


if __name__ == "__main__":
    for case, path in make_bad_files(Path(sys.argv[1])).items():
        print(case, path)
