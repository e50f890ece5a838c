"""Bytes to text: refuse binaries, decode UTF-8 or a detectable single-byte encoding."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from councilgraph.errors import LoaderError

# Control bytes that never occur in text; NUL and friends mean a binary file.
_BINARY = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
_BINARY_BYTES = bytes(sorted(_BINARY))


def decode(data: bytes, path: Path | str) -> str:
    """Text of a file's bytes, or LoaderError naming the file."""
    if not data.strip():
        raise LoaderError(path, "the file is empty")
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):  # UTF-16 (Windows "Unicode" text): NULs in it are not binary
            try:
                text = data[2:].decode(codec)
            except UnicodeDecodeError as e:
                raise LoaderError(path, f"broken UTF-16 text ({e.reason} at byte {e.start})") from e
            if not text.strip():
                raise LoaderError(path, "the file is empty")
            return text
    sample = data[:8192]
    # (the count of control bytes is what deleting them takes away: done in C, not byte by byte)
    if b"\x00" in sample or len(sample) - len(sample.translate(None, _BINARY_BYTES)) > len(sample) * 0.01:
        raise LoaderError(path, "not a text file (binary content)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "utf_16", "mac_roman"]).best()
    if best is None or best.chaos > 0.2:
        raise LoaderError(path, "cannot tell the text encoding (not UTF-8 or Windows-1252)")
    return str(best)
