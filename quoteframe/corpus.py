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


@dataclass(frozen=True)
class CorpusFile:
    """One input file: where it is, the name its doc ids come from, its format and its manifest entry.

    Both engines plan a run as a list of these, so a local run and a cluster run read the same files
    with the same names; only how the bytes are fetched differs (a path here, fsspec on a worker).
    """

    location: str  # a local path, or a URL fsspec opens
    rel: str  # relative to its directory (a named file: its file name)
    kind: str  # txt | jsonl | csv
    outlet: str = ""  # from the directory's manifest
    date: str = ""


class UniqueIds:
    """Makes every doc_id of a run unique: a repeated id becomes ``id#2``, ``id#3``..., with a warning."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def claim(self, doc_id: str) -> str | None:
        """The new id when ``doc_id`` was seen before in this run, else None."""
        count = self._seen.get(doc_id, 0) + 1
        self._seen[doc_id] = count
        return f"{doc_id}#{count}" if count > 1 else None

    @staticmethod
    def warning(source: str, doc_id: str, new_id: str) -> Warning_:
        return Warning_(source, f"duplicate doc_id {doc_id!r}; renamed {new_id!r}")


def read_corpus(paths: Iterable[str], options: ReadOptions | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Yield a Document, Skip or Warning_ for every input, in a reproducible order.

    ``paths`` are directories, files or ``-`` (``stdin``). A ``manifest.csv`` in a directory gives each
    file's outlet and date; without one the outlet is the doc_id.
    """
    opts = options or ReadOptions()
    ids = UniqueIds()
    for raw in paths:
        items: Iterable[Item]
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            items = _read_bytes(stream.read(), "<stdin>", "stdin", opts, "txt" if opts.input_format == "auto" else opts.input_format, {})
        else:
            items = (item for entry in local_files(raw, opts)
                     for item in ([entry] if isinstance(entry, Skip) else read_local_file(entry, opts)))
        for item in items:
            if isinstance(item, Document):
                new_id = ids.claim(item.doc_id)
                if new_id is not None:
                    yield ids.warning(item.source, item.doc_id, new_id)
                    item = Document(new_id, item.text, item.outlet, item.date, item.source)
            yield item


def local_files(raw: str, opts: ReadOptions) -> Iterator[CorpusFile | Skip]:
    """The files a path names: itself, or every corpus file below a directory (others skipped, with why)."""
    path = Path(raw)
    if path.is_dir():
        manifest = load_manifest(path)
        for file in _walk(path):
            rel = file.relative_to(path).as_posix()
            kind = _kind(_suffixes(file)[0], opts.input_format)
            if kind is None:
                yield Skip(str(file), "not a corpus file (expected .txt, .jsonl or .csv, optionally .gz/.bz2/.xz)")
                continue
            outlet, date = manifest.get(rel, ("", ""))
            yield CorpusFile(str(file), rel, kind, outlet, date)
    elif path.exists() or path.is_symlink():
        yield named_file(str(path), path.name, opts)
    else:
        raise InputError(f"{raw}: no such file or directory")


def named_file(location: str, name: str, opts: ReadOptions) -> CorpusFile:
    """A file given by name (or matched by a glob): read by its suffix, as text when the suffix says nothing."""
    return CorpusFile(location, name, _kind(_suffixes(Path(name))[0], opts.input_format) or "txt")


def read_local_file(file: CorpusFile, opts: ReadOptions) -> Iterator[Item]:
    try:
        data = _open_bytes(Path(file.location))
    except (OSError, EOFError, lzma.LZMAError) as exc:
        yield unreadable(file, exc)
        return
    yield from file_items(file, data, opts)


def unreadable(file: CorpusFile, exc: BaseException) -> Skip:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return Skip(file.location, f"cannot be read: {reason}")


def file_items(file: CorpusFile, data: bytes, opts: ReadOptions) -> Iterator[Item]:
    """The documents (and skips and warnings) in the bytes of one corpus file, however they were fetched."""
    manifest = {file.rel: (file.outlet, file.date)} if file.outlet or file.date else {}
    return _read_bytes(data, file.location, file.rel, opts, file.kind, manifest)


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
