"""Read a corpus: directories, text files, JSONL and CSV records, stdin, compressed files.

Every input document comes out either as a :class:`Document` or as a :class:`Skip` that says why it
was not read, so a run can always account for every document it was given.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from quoteframe.errors import InputError, LexiconError
from quoteframe.records import Document, Skip

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
COMPRESSED = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
MANIFEST = "manifest.csv"


@dataclass(frozen=True)
class ReadOptions:
    """How to read records: which fields hold what, and how to decode bytes."""

    text_field: str = "text"
    id_field: str = "id"
    outlet_field: str = "domain"
    date_field: str = "date"
    encoding: str | None = None  # None: utf-8-sig, falling back to cp1252 with a warning
    input_format: str = "auto"  # auto | txt | jsonl | csv (auto: by suffix; stdin: txt)


@dataclass(frozen=True)
class Warning_:
    """A non-fatal remark about an input (decoded as cp1252, duplicate id)."""

    source: str
    message: str


Item = Document | Skip | Warning_


def _suffixes(path: Path) -> tuple[str, str | None]:
    """Return (format suffix, compression suffix) of a path such as ``a.jsonl.gz``."""
    sufs = [s.lower() for s in path.suffixes]
    comp = sufs[-1] if sufs and sufs[-1] in COMPRESSED else None
    if comp:
        sufs = sufs[:-1]
    return (sufs[-1] if sufs else ""), comp


def _kind(fmt_suffix: str, forced: str) -> str | None:
    if forced != "auto":
        return forced
    if fmt_suffix in TEXT_SUFFIXES:
        return "txt"
    if fmt_suffix in JSONL_SUFFIXES:
        return "jsonl"
    if fmt_suffix in CSV_SUFFIXES:
        return "csv"
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we would guess (NULs, many control bytes)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.1


def decode(data: bytes, source: str, encoding: str | None) -> tuple[str, str | None]:
    """Decode bytes; return (text, warning or None). Raise InputError when it cannot be done."""
    if encoding:
        try:
            return data.decode(encoding), None
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{source}: cannot decode as {encoding} ({exc}); try another --encoding") from exc
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        return text, f"not UTF-8 (line {line}, byte {exc.start}); decoded as cp1252 (use --encoding to choose)"


def _open_bytes(path: Path) -> bytes:
    _, comp = _suffixes(path)
    if comp:
        opener: Any = COMPRESSED[comp]
        with opener(path, "rb") as fh:
            data: bytes = fh.read()
            return data
    return path.read_bytes()


def load_manifest(directory: Path) -> dict[str, tuple[str, str]]:
    """Map a file path (relative to ``directory``) to (outlet, date) from ``manifest.csv``.

    A manifest is data: paths in it are only looked up, never opened, and one that points outside the
    corpus directory is an error.
    """
    path = directory / MANIFEST
    if not path.is_file():
        return {}
    result: dict[str, tuple[str, str]] = {}
    root = directory.resolve()
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = (line for line in fh if not line.startswith("#"))
        reader = csv.DictReader(rows)
        if reader.fieldnames is None or "file" not in reader.fieldnames or "outlet" not in reader.fieldnames:
            raise LexiconError(f"{path}: line 1: a manifest needs the columns file,outlet[,date]")
        for row in reader:
            lineno = reader.line_num
            if None in row or any(v is None for v in row.values()):
                raise LexiconError(f"{path}: line {lineno}: wrong number of fields")
            rel = (row["file"] or "").strip()
            target = (directory / rel).resolve()
            if not rel or os.path.isabs(rel) or not target.is_relative_to(root):
                raise LexiconError(f"{path}: line {lineno}: file {rel!r} is outside the corpus directory")
            result[target.relative_to(root).as_posix()] = ((row["outlet"] or "").strip(), (row.get("date") or "").strip())
    return result


def _walk(directory: Path) -> list[Path]:
    """Every non-hidden file below ``directory``, sorted so runs are reproducible."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and name != MANIFEST:
                found.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(directory).as_posix())


def _doc_id(rel: str) -> str:
    path = Path(rel)
    fmt, comp = _suffixes(path)
    name = rel
    if comp:
        name = name[: -len(comp)]
    if fmt and name.lower().endswith(fmt):
        name = name[: -len(fmt)]
    return name


def read_corpus(paths: Iterable[str], options: ReadOptions | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Yield a Document, Skip or Warning_ for every input, in a reproducible order.

    ``paths`` are directories, files or ``-`` (``stdin``). A ``manifest.csv`` in a directory gives each
    file's outlet and date; without one the outlet is the doc_id.
    """
    opts = options or ReadOptions()
    seen: dict[str, int] = {}
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            items = _read_bytes(stream.read(), "<stdin>", "stdin", opts, "txt" if opts.input_format == "auto" else opts.input_format, {})
        else:
            path = Path(raw)
            if path.is_dir():
                items = _read_directory(path, opts)
            elif path.exists() or path.is_symlink():
                items = _read_file(path, path.name, opts, {})
            else:
                raise InputError(f"{raw}: no such file or directory")
        for item in items:
            if isinstance(item, Document):
                count = seen.get(item.doc_id, 0) + 1
                seen[item.doc_id] = count
                if count > 1:
                    new_id = f"{item.doc_id}#{count}"
                    yield Warning_(item.source, f"duplicate doc_id {item.doc_id!r}; renamed {new_id!r}")
                    item = Document(new_id, item.text, item.outlet, item.date, item.source)
            yield item


def _read_directory(directory: Path, opts: ReadOptions) -> Iterator[Item]:
    manifest = load_manifest(directory)
    for path in _walk(directory):
        rel = path.relative_to(directory).as_posix()
        fmt, _ = _suffixes(path)
        if _kind(fmt, opts.input_format) is None:
            yield Skip(str(path), "not a corpus file (expected .txt, .jsonl or .csv, optionally .gz/.bz2/.xz)")
            continue
        yield from _read_file(path, rel, opts, manifest)


def _read_file(path: Path, rel: str, opts: ReadOptions, manifest: dict[str, tuple[str, str]]) -> Iterator[Item]:
    fmt, _ = _suffixes(path)
    kind = _kind(fmt, opts.input_format) or "txt"
    try:
        data = _open_bytes(path)
    except (OSError, EOFError, lzma.LZMAError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield Skip(str(path), f"cannot be read: {reason}")
        return
    yield from _read_bytes(data, str(path), rel, opts, kind, manifest)


def _read_bytes(data: bytes, source: str, rel: str, opts: ReadOptions, kind: str,
                manifest: dict[str, tuple[str, str]]) -> Iterator[Item]:
    if looks_binary(data) and not (opts.encoding and opts.encoding.lower().startswith("utf-16")):
        yield Skip(source, "binary file (NUL or control bytes), not text")
        return
    try:
        text, warning = decode(data, source, opts.encoding)
    except InputError as exc:
        yield Skip(source, str(exc).removeprefix(f"{source}: "))
        return
    if warning:
        yield Warning_(source, warning)
    if kind == "jsonl":
        yield from _jsonl_records(text, source, rel, opts)
    elif kind == "csv":
        yield from _csv_records(text, source, rel, opts)
    else:
        if not text.strip():
            yield Skip(source, "empty document")
            return
        outlet, date = manifest.get(rel, ("", ""))
        doc_id = _doc_id(rel)
        yield Document(doc_id, text, outlet or doc_id, date, source)


def _record(rec: dict[str, object], source: str, where: str, default_id: str, opts: ReadOptions) -> Item:
    text = rec.get(opts.text_field)
    if not isinstance(text, str):
        return Skip(where, f"no text field {opts.text_field!r}" if text is None else f"field {opts.text_field!r} is not text")
    if not text.strip():
        return Skip(where, "empty document")
    doc_id = str(rec.get(opts.id_field) or default_id)
    outlet = str(rec.get(opts.outlet_field) or "") or doc_id
    return Document(doc_id, text, outlet, str(rec.get(opts.date_field) or ""), where)


def _jsonl_records(text: str, source: str, rel: str, opts: ReadOptions) -> Iterator[Item]:
    base = _doc_id(rel)
    any_line = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        any_line = True
        where = f"{source}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skip(where, f"not JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(rec, dict):
            yield Skip(where, "a JSON value that is not an object")
            continue
        yield _record(rec, source, where, f"{base}:{lineno}", opts)
    if not any_line:
        yield Skip(source, "empty file")


def _csv_records(text: str, source: str, rel: str, opts: ReadOptions) -> Iterator[Item]:
    base = _doc_id(rel)
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        yield Skip(source, "empty file")
        return
    except csv.Error as exc:
        yield Skip(f"{source}:1", f"malformed CSV header ({exc})")
        return
    if opts.text_field not in header:
        yield Skip(source, f"no column {opts.text_field!r} in the header")
        return
    while True:
        start_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Skip(f"{source}:{start_line}", f"malformed CSV row ({exc})")
            continue
        if not row:
            continue
        where = f"{source}:{start_line}"
        if len(row) != len(header):
            yield Skip(where, f"expected {len(header)} fields, got {len(row)}")
            continue
        yield _record(dict(zip(header, row)), source, where, f"{base}:{start_line}", opts)
