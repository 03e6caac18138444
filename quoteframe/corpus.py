"""Read a corpus: directories, text files, JSONL and CSV records, stdin, compressed files.

Every input document comes out either as a :class:`Document` or as a :class:`Skip` that says why it
was not read, so a run can always account for every document it was given.
"""

from __future__ import annotations

import bz2
import codecs
import csv
import gzip
import io
import json
import lzma
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from quoteframe.errors import InputError, LexiconError
from quoteframe.records import Document, Skip

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
COMPRESSED = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
MANIFEST = "manifest.csv"
HEAD_BYTES = 8192  # what the binary test looks at
CHUNK_BYTES = 1 << 20  # record files are read this much at a time
READ_ERRORS = (OSError, EOFError, lzma.LZMAError, zlib.error)  # a file that cannot be read (any further)


@dataclass(frozen=True)
class ReadOptions:
    """How to read records: which fields hold what, and how to decode bytes."""

    text_field: str = "text"
    id_field: str = "id"
    outlet_field: str = "domain"
    date_field: str = "date"
    encoding: str | None = None  # None: utf-8-sig, falling back to cp1252 with a warning
    input_format: str = "auto"  # auto | txt | jsonl | csv (auto: by suffix; stdin: txt)
    manifest: str | None = None  # a manifest for every path (files named one by one too)
    strict: bool = False  # manifest rows without a file and files without a row are errors
    # (option, field) of the fields named explicitly (--id-field ...): a record file without them is skipped
    checked_fields: tuple[tuple[str, str], ...] = ()


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


def _open_stream(path: Path) -> BinaryIO:
    """The file's bytes as a stream, decompressed when its suffix says so (records are read as they come)."""
    _, comp = _suffixes(path)
    if comp:
        opener: Any = COMPRESSED[comp]
        stream: BinaryIO = opener(path, "rb")
        return stream
    return path.open("rb")


@dataclass
class Manifest:
    """A manifest's rows (``file,outlet[,date]``, any further columns ignored) and which of them matched
    a file of the run. A row matches a file by its path (relative to the corpus folder, or to the
    manifest's own folder), by its file name, or by its stem: ``001``, ``001.txt`` and ``docs/001.txt``
    all name ``docs/001.txt`` (the devcoverage manifests list ``001.txt`` for ``docs/001.txt``).

    A manifest is data: paths in it are only looked up, never opened.
    """

    path: Path
    rows: dict[str, tuple[str, str]] = field(default_factory=dict)  # file as written (normalised) -> (outlet, date)
    by_stem: dict[str, str] = field(default_factory=dict)  # stem of a row's file -> its first row's key
    used: set[str] = field(default_factory=set)
    unmatched_files: list[str] = field(default_factory=list)

    def match(self, rel: str, location: str, needs_row: bool = True) -> tuple[str, str] | None:
        """The (outlet, date) of a file of the run (``rel``: its name in the run), noting which row it used;
        a file that ``needs_row`` (a text file: a record file names its outlets itself) and has none is noted."""
        candidates = [rel]
        try:
            candidates.append(Path(os.path.relpath(Path(location).resolve(), self.path.parent.resolve())).as_posix())
        except ValueError:  # another drive (Windows)
            pass
        candidates.append(Path(rel).name)  # a row without folders names a file anywhere below
        for name in candidates:
            key = _row_key(name)
            if key not in self.rows:
                key = self.by_stem.get(_doc_id(key), "")
            if key:
                self.used.add(key)
                return self.rows[key]
        if needs_row:
            self.unmatched_files.append(location)
        return None

    def unused_rows(self) -> list[str]:
        return [k for k in self.rows if k not in self.used]


def _row_key(name: str) -> str:
    return Path(name.strip()).as_posix().removeprefix("./")


def load_manifest_file(path: Path, confine_to: Path | None = None) -> Manifest:
    """Read a manifest; a malformed one is an error naming the file and line. With ``confine_to`` (a
    corpus folder's own manifest), a row that points outside that folder is an error."""
    manifest = Manifest(path)
    root = confine_to.resolve() if confine_to is not None else None
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({_reason(exc)})") from exc
    with handle as fh:
        rows = (line for line in fh if not line.startswith("#"))
        reader = csv.DictReader(rows)
        try:
            fieldnames = reader.fieldnames
        except (csv.Error, UnicodeDecodeError) as exc:
            raise LexiconError(f"{path}: line 1: not a CSV manifest ({exc})") from exc
        if fieldnames is None or "file" not in fieldnames or "outlet" not in fieldnames:
            raise LexiconError(f"{path}: line 1: a manifest needs the columns file,outlet[,date] "
                               f"(has {', '.join(fieldnames or [])})")
        try:
            for row in reader:
                lineno = reader.line_num
                if None in row or any(v is None for v in row.values()):
                    raise LexiconError(f"{path}: line {lineno}: wrong number of fields")
                rel = (row["file"] or "").strip()
                if not rel:
                    raise LexiconError(f"{path}: line {lineno}: empty file name")
                if root is not None and confine_to is not None:
                    target = (confine_to / rel).resolve()
                    if os.path.isabs(rel) or not target.is_relative_to(root):
                        raise LexiconError(f"{path}: line {lineno}: file {rel!r} is outside the corpus directory")
                    rel = target.relative_to(root).as_posix()
                key = _row_key(rel)
                manifest.rows[key] = ((row["outlet"] or "").strip(), (row.get("date") or "").strip())
                manifest.by_stem.setdefault(_doc_id(key), key)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise LexiconError(f"{path}: line {reader.line_num}: malformed CSV ({exc})") from exc
    return manifest


def load_manifest(directory: Path) -> dict[str, tuple[str, str]]:
    """Map a file path (relative to ``directory``) to (outlet, date) from its ``manifest.csv`` ({} without one)."""
    path = directory / MANIFEST
    return load_manifest_file(path, confine_to=directory).rows if path.is_file() else {}


def _walk(directory: Path) -> list[Path]:
    """Every non-hidden file below ``directory``, sorted so runs are reproducible."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and (name != MANIFEST or root != str(directory)):
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
        """The new id when ``doc_id`` was seen before in this run, else None. A new id is never one the
        run has already used, as given or as made (ids ``x, x, x#2`` become ``x, x#2, x#2#2``)."""
        count = self._seen.get(doc_id)
        if count is None:
            self._seen[doc_id] = 1
            return None
        new_id = f"{doc_id}#{count + 1}"
        while new_id in self._seen:
            count += 1
            new_id = f"{doc_id}#{count + 1}"
        self._seen[doc_id] = count + 1
        self._seen[new_id] = 1
        return new_id

    @staticmethod
    def warning(source: str, doc_id: str, new_id: str) -> Warning_:
        return Warning_(source, f"duplicate doc_id {doc_id!r}; renamed {new_id!r}")


MANIFEST_NAMES_SHOWN = 3  # file names a manifest message lists


class CorpusPlan:
    """Every file of a run, planned in the main process before anything is read, with the manifest
    each file takes its outlet and date from.

    A corpus folder's own ``manifest.csv`` is read for the files below it; ``ReadOptions.manifest``
    names one for every path instead (also for files named one by one). A manifest is never guessed
    from elsewhere (a parent folder, the folder of a named file, a subfolder), but one found there is
    mentioned, with how to use it. Rows that match no file and files that match no row are counted
    (``notes``), and with ``ReadOptions.strict`` they are an error before any document is read.
    """

    def __init__(self, opts: ReadOptions) -> None:
        self.opts = opts
        self.explicit = load_manifest_file(Path(opts.manifest)) if opts.manifest else None
        self.manifests: list[Manifest] = [self.explicit] if self.explicit else []
        self.notes: list[Warning_] = []
        self._mentioned: set[Path] = set()

    def _mention(self, found: Path, why: str) -> None:
        key = found.resolve()
        if self.explicit is not None and key == self.explicit.path.resolve():
            return
        if key not in self._mentioned and found.is_file():
            self._mentioned.add(key)
            self.notes.append(Warning_(str(found), f"{why}; pass --manifest {found} to use it"))

    def files(self, raw: str) -> list[CorpusFile | Skip]:
        """The files a path names: itself, or every corpus file below a directory (others skipped, with why)."""
        path = Path(raw)
        if path.is_dir():
            own = path / MANIFEST
            manifest = self.explicit
            if manifest is None and own.is_file():
                manifest = load_manifest_file(own, confine_to=path)
                self.manifests.append(manifest)
            elif own.is_file() and self.explicit is not None:
                self._mention(own, f"not read: --manifest {self.explicit.path} is used instead")
            if not own.is_file():
                above = path.parent if path.name not in ("", ".", "..") else path.resolve().parent
                self._mention(above / MANIFEST,
                              f"a manifest in the folder above {raw} is not read (only {own} would be)")
            entries: list[CorpusFile | Skip] = []
            for file in _walk(path):
                rel = file.relative_to(path).as_posix()
                if file.name == MANIFEST:
                    self._mention(file, f"a manifest in a subfolder of {raw} is not read (only {own} would be)")
                    continue
                kind = _kind(_suffixes(file)[0], self.opts.input_format)
                if kind is None:
                    entries.append(Skip(str(file), "not a corpus file (expected .txt, .jsonl or .csv, optionally .gz/.bz2/.xz)"))
                    continue
                found = manifest.match(rel, str(file), needs_row=kind == "txt") if manifest is not None else None
                outlet, date = found or ("", "")
                entries.append(CorpusFile(str(file), rel, kind, outlet, date))
            return entries
        if path.name == MANIFEST and path.is_file():  # corpus/* names the manifest too: it is not a document
            self._mention(path, "a manifest named as an input is not read as documents")
            return []
        if path.exists() or path.is_symlink():
            entry = named_file(str(path), path.name, self.opts)
            if self.explicit is not None:
                found = self.explicit.match(path.name, str(path), needs_row=entry.kind == "txt")
                if found:
                    entry = CorpusFile(entry.location, entry.rel, entry.kind, *found)
            else:
                self._mention(path.parent / MANIFEST, "a manifest beside a file named one by one is not read")
            return [entry]
        raise InputError(f"{raw}: no such file or directory")

    def finish(self) -> list[Warning_]:
        """The notes of the plan: manifests found but not read, rows without a file, files without a row.
        Under ``strict`` a row without a file or a file without a row is an error."""
        problems: list[Warning_] = []
        for manifest in self.manifests:
            missing = manifest.unused_rows()
            if missing:
                problems.append(Warning_(str(manifest.path), f"{_count(missing, 'row')} match{'es' if len(missing) == 1 else ''} no file of the run: "
                                                              f"{_first(missing)}"))
            if manifest.unmatched_files:
                problems.append(Warning_(str(manifest.path), f"{_count(manifest.unmatched_files, 'file')} of the run "
                                                              f"ha{'s' if len(manifest.unmatched_files) == 1 else 've'} no row (their outlet is their doc_id): "
                                                              f"{_first(manifest.unmatched_files)}"))
        if self.opts.strict and problems:
            raise InputError(f"--strict: {problems[0].source}: {problems[0].message}")
        return self.notes + problems


def _count(items: list[str], noun: str) -> str:
    return f"{len(items)} {noun}{'s' if len(items) != 1 else ''}"


def _first(items: list[str]) -> str:
    return ", ".join(items[:MANIFEST_NAMES_SHOWN]) + (", ..." if len(items) > MANIFEST_NAMES_SHOWN else "")


def read_corpus(paths: Iterable[str], options: ReadOptions | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """A Document, Skip or Warning_ for every input, in a reproducible order.

    ``paths`` are directories, files or ``-`` (``stdin``). The run is planned here, before the first
    document is read (see ``CorpusPlan``), so a bad manifest raises at once; the manifest notes come
    first in the stream. Without a manifest the outlet is the doc_id.
    """
    opts = options or ReadOptions()
    plan = CorpusPlan(opts)
    entries: list[str | list[CorpusFile | Skip]] = [raw if raw == "-" else plan.files(raw) for raw in paths]
    return _read_plan(entries, plan.finish(), opts, stdin)


def _read_plan(entries: list[str | list[CorpusFile | Skip]], notes: list[Warning_], opts: ReadOptions,
               stdin: BinaryIO | None) -> Iterator[Item]:
    yield from notes
    ids = UniqueIds()
    for entry in entries:
        items: Iterable[Item]
        if isinstance(entry, str):
            stream = stdin if stdin is not None else sys.stdin.buffer
            kind = "txt" if opts.input_format == "auto" else opts.input_format
            items = file_items(CorpusFile("<stdin>", "stdin", kind), stream, opts)
        else:
            items = (item for file in entry
                     for item in ([file] if isinstance(file, Skip) else read_local_file(file, opts)))
        for item in items:
            if isinstance(item, Document):
                new_id = ids.claim(item.doc_id)
                if new_id is not None:
                    yield ids.warning(item.source, item.doc_id, new_id)
                    item = Document(new_id, item.text, item.outlet, item.date, item.source)
            yield item


def local_files(raw: str, opts: ReadOptions) -> list[CorpusFile | Skip]:
    """The files a path names, as a run of that one path plans them (see ``CorpusPlan``)."""
    return CorpusPlan(opts).files(raw)


def named_file(location: str, name: str, opts: ReadOptions) -> CorpusFile:
    """A file given by name (or matched by a glob): read by its suffix, as text when the suffix says nothing."""
    return CorpusFile(location, name, _kind(_suffixes(Path(name))[0], opts.input_format) or "txt")


def read_local_file(file: CorpusFile, opts: ReadOptions) -> Iterator[Item]:
    try:
        stream = _open_stream(Path(file.location))
    except OSError as exc:
        yield unreadable(file, exc)
        return
    with stream:
        yield from file_items(file, stream, opts)


def unreadable(file: CorpusFile, exc: BaseException) -> Skip:
    return Skip(file.location, f"cannot be read: {_reason(exc)}")


def file_items(file: CorpusFile, stream: BinaryIO, opts: ReadOptions) -> Iterator[Item]:
    """The documents (and skips and warnings) of one corpus file, however its bytes are fetched.

    A text file is one document and is read whole. JSONL and CSV files are read record by record, so a
    dump of a month of news is never held in memory; a file that breaks off (a truncated .gz) gives the
    records before the break and a skip naming the line where reading stopped.
    """
    manifest = {file.rel: (file.outlet, file.date)} if file.outlet or file.date else {}
    try:
        head = getattr(stream, "read1", stream.read)(HEAD_BYTES)  # see _byte_lines
    except READ_ERRORS as exc:
        yield unreadable(file, exc)
        return
    if file.kind not in ("jsonl", "csv"):
        try:
            data = head + stream.read()
        except READ_ERRORS as exc:
            yield unreadable(file, exc)
            return
        yield from _text_document(data, file.location, file.rel, opts, manifest)
        return
    yield from _read_records(head, stream, file.location, file.rel, opts, file.kind, (file.outlet, file.date))


def _text_document(data: bytes, source: str, rel: str, opts: ReadOptions,
                   manifest: dict[str, tuple[str, str]]) -> Iterator[Item]:
    """The one document of a text file."""
    if looks_binary(data) and not _wide_encoding(opts.encoding):
        yield Skip(source, "binary file (NUL or control bytes), not text")
        return
    try:
        text, warning = decode(data, source, opts.encoding)
    except InputError as exc:
        yield Skip(source, str(exc).removeprefix(f"{source}: "))
        return
    if warning:
        yield Warning_(source, warning)
    if not text.strip():
        yield Skip(source, "empty document")
        return
    outlet, date = manifest.get(rel, ("", ""))
    doc_id = _doc_id(rel)
    yield Document(doc_id, text, outlet or doc_id, date, source)


class _StreamBroke(Exception):
    """Reading a record file stopped part-way (corrupt compression, I/O error, undecodable bytes)."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


def _byte_lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """Lines of ``head`` followed by the rest of ``stream``, each with its ``\\n``, read a chunk at a time
    (a line longer than a chunk is joined once, not copied again for every chunk).

    ``read1`` returns what one read of the underlying file gives, so when a compressed file breaks off
    the lines decompressed before the break have been yielded (``read`` would drop a whole chunk).
    """
    read = getattr(stream, "read1", stream.read)
    parts: list[bytes] = []  # the line being read, in pieces
    chunk = head
    while chunk:
        pieces = chunk.split(b"\n")
        if len(pieces) > 1:
            parts.append(pieces[0])
            yield b"".join(parts) + b"\n"
            for piece in pieces[1:-1]:
                yield piece + b"\n"
            parts = []
        if pieces[-1]:
            parts.append(pieces[-1])
        chunk = read(CHUNK_BYTES)
    if parts:
        yield b"".join(parts)


def _text_lines(head: bytes, stream: BinaryIO, opts: ReadOptions, warn: list[str]) -> Iterator[str]:
    """Decoded lines of a record file, each with its line end: ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old
    Mac files), as universal newlines split them, but never a U+2028 or U+0085 inside a JSON string."""
    for line in _decoded_lines(head, stream, opts, warn):
        if "\r" in line and "\r" in line.rstrip("\r\n"):
            yield from CR_LINE_RE.findall(line)
        else:
            yield line


CR_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+$")


def _decoded_lines(head: bytes, stream: BinaryIO, opts: ReadOptions, warn: list[str]) -> Iterator[str]:
    """Lines split at ``\\n`` bytes and decoded one by one.

    Without --encoding a line is UTF-8, or cp1252 when it is not (a warning names the first such line),
    so one stray line does not turn the rest of a UTF-8 dump into mojibake. With --encoding one
    incremental decoder reads every line (stateful encodings keep their state, a BOM is dropped once),
    and a line that does not decode ends the file there, with its line number. Encodings in which a
    newline is not the byte ``\\n`` (UTF-16, UTF-32) are decoded as one stream.
    """
    lineno = 0
    decoder = None
    if opts.encoding:
        try:
            encoder = codecs.getincrementalencoder(opts.encoding)()
            encoder.encode("a")  # past any BOM: the newline as it appears inside the text
            splits_on_newline = encoder.encode("\n") == b"\n"
            decoder = codecs.getincrementaldecoder(opts.encoding)()
        except LookupError as exc:
            raise _StreamBroke(1, f"cannot decode as {opts.encoding} ({exc}); try another --encoding") from exc
        if not splits_on_newline:
            text = io.TextIOWrapper(io.BufferedReader(_Prefixed(head, stream)), opts.encoding, newline="")
            try:
                for lineno, line in enumerate(text, 1):  # noqa: B007 (the count is read after a failure)
                    yield line
            except UnicodeDecodeError as exc:
                raise _StreamBroke(lineno + 1, f"cannot decode as {opts.encoding} ({exc}); try another --encoding") from exc
            except READ_ERRORS as exc:
                raise _StreamBroke(lineno + 1, _reason(exc)) from exc
            return
    offset = 0
    lines = _byte_lines(head, stream)
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            break
        except READ_ERRORS as exc:
            raise _StreamBroke(lineno + 1, _reason(exc)) from exc
        lineno += 1
        if decoder is not None:
            try:
                line = decoder.decode(raw)
            except UnicodeDecodeError as exc:
                raise _StreamBroke(lineno, f"cannot decode as {opts.encoding} ({exc}); try another --encoding") from exc
            if line:
                yield line
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw, offset = raw[len(codecs.BOM_UTF8):], len(codecs.BOM_UTF8)
            if not raw:  # a file that is only a BOM is empty
                continue
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if not warn:
                warn.append(f"not UTF-8 (line {lineno}, byte {offset + exc.start}); lines that are not UTF-8 "
                            "decoded as cp1252 (use --encoding to choose)")
            yield raw.decode("cp1252", errors="replace")
        offset += len(raw)
    if decoder is not None:
        try:
            rest = decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise _StreamBroke(lineno, f"cannot decode as {opts.encoding} ({exc}); try another --encoding") from exc
        if rest:
            yield rest


def _wide_encoding(encoding: str | None) -> bool:
    """UTF-16 or UTF-32 (any spelling): NUL bytes are text there, so the binary test does not apply."""
    try:
        return bool(encoding) and codecs.lookup(encoding or "").name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


class _Prefixed(io.RawIOBase):
    """``head`` then the rest of ``stream``, as one raw stream for ``io.TextIOWrapper``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = getattr(self._stream, "read1", self._stream.read)(len(buffer))  # see _byte_lines
        buffer[:len(data)] = data
        return len(data)


def _reason(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def _read_records(head: bytes, stream: BinaryIO, source: str, rel: str, opts: ReadOptions, kind: str,
                  defaults: tuple[str, str] = ("", "")) -> Iterator[Item]:
    """The records of a JSONL or CSV file whose first bytes are ``head`` and the rest ``stream``."""
    if looks_binary(head) and not _wide_encoding(opts.encoding):
        yield Skip(source, "binary file (NUL or control bytes), not text")
        return
    warn: list[str] = []
    lines = _text_lines(head, stream, opts, warn)
    records = (_jsonl_records(lines, source, rel, opts, defaults) if kind == "jsonl"
               else _csv_records(lines, source, rel, opts, defaults))
    warned = False
    try:
        for item in records:
            if warn and not warned:  # once per file, before the first record that needed it
                yield Warning_(source, warn[0])
                warned = True
            yield item
    except _StreamBroke as exc:
        yield Skip(f"{source}:{exc.line}", f"the rest of the file cannot be read: {exc.reason}")
    if warn and not warned:
        yield Warning_(source, warn[0])


def _record(rec: dict[str, object], source: str, where: str, default_id: str, opts: ReadOptions,
            defaults: tuple[str, str] = ("", "")) -> Item:
    """One record as a document; its manifest row's outlet and date (``defaults``) fill in fields it lacks."""
    text = rec.get(opts.text_field)
    if not isinstance(text, str):
        return Skip(where, f"no text field {opts.text_field!r}" if text is None else f"field {opts.text_field!r} is not text")
    if not text.strip():
        return Skip(where, "empty document")
    doc_id = str(rec.get(opts.id_field) or default_id)
    outlet = str(rec.get(opts.outlet_field) or "") or defaults[0] or doc_id
    return Document(doc_id, text, outlet, str(rec.get(opts.date_field) or "") or defaults[1], where)


FIELD_CHECK_RECORDS = 1000  # records held back while a field named by an option has not been seen
FIELDS_SHOWN = 20  # field names a message lists


def _fields_found(fields: dict[str, None]) -> str:
    names = list(fields)
    shown = ", ".join(names[:FIELDS_SHOWN]) + (f", ... ({len(names)} in all)" if len(names) > FIELDS_SHOWN else "")
    return f"fields found: {shown}" if names else "no fields found"


def _jsonl_records(lines: Iterable[str], source: str, rel: str, opts: ReadOptions,
                   defaults: tuple[str, str] = ("", "")) -> Iterator[Item]:
    """The records of a JSONL file, checked for the fields the options name.

    A file in which no record has the text field is one skip that lists the fields its records do have
    (a dump whose text is under ``body`` says so once, not once per record). While no record has had
    the text field, the records without it are held back as line numbers, and given their own skips as
    soon as one record has it. A field named explicitly by --id-field, --outlet-field or --date-field
    must occur too: records are held back until it has been seen, and a file where it never occurs (or
    not in its first FIELD_CHECK_RECORDS records) is skipped whole with the fields found, since every
    document of it would get a made-up id, outlet or date.
    """
    base = _doc_id(rel)
    any_line = False
    fields: dict[str, None] = {}
    has_text = False
    unseen = {field: option for option, field in opts.checked_fields}
    held: list[Item | int] = []  # held back while a field is unseen; an int: a record without the text field
    n_records = 0
    no_text = f"no text field {opts.text_field!r}"

    def release() -> Iterator[Item]:
        for kept in held:
            yield Skip(f"{source}:{kept}", no_text) if isinstance(kept, int) else kept
        held.clear()

    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        any_line = True
        where = f"{source}:{lineno}"
        item: Item | int
        try:
            rec = json.loads(line.removesuffix("\n").removesuffix("\r"))
        except json.JSONDecodeError as exc:  # "Unterminated string starting at" ends with "at" already
            item = Skip(where, f"not JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})")
        else:
            if not isinstance(rec, dict):
                item = Skip(where, "a JSON value that is not an object")
            else:
                n_records += 1
                if not has_text or unseen:
                    fields.update(dict.fromkeys(map(str, rec)))
                for field in [f for f in unseen if f in rec]:
                    del unseen[field]
                if opts.text_field in rec:
                    has_text = True
                    item = _record(rec, source, where, f"{base}:{lineno}", opts, defaults)
                elif has_text:
                    item = Skip(where, no_text)
                else:
                    item = lineno
        if unseen or not has_text:
            held.append(item)
            if unseen and has_text and n_records >= FIELD_CHECK_RECORDS:
                yield _missing_field(source, unseen, f"no record among the first {n_records:,}", fields)
                return
            continue
        yield from release()
        assert not isinstance(item, int)
        yield item
    if not any_line:
        yield Skip(source, "empty file")
    elif n_records and not has_text:
        yield from (kept for kept in held if not isinstance(kept, int))
        yield Skip(source, f"no record has the text field {opts.text_field!r} ({n_records:,} record"
                           f"{'s' if n_records != 1 else ''}; {_fields_found(fields)}); give --text-field")
    elif n_records and unseen:
        yield from (kept for kept in held if isinstance(kept, Skip))
        yield _missing_field(source, unseen, f"no record of {n_records:,}", fields)
    else:
        yield from release()


def _missing_field(source: str, unseen: dict[str, str], which: str, fields: dict[str, None]) -> Skip:
    field, option = next(iter(unseen.items()))
    return Skip(source, f"{which} has the field {field!r} given by {option} ({_fields_found(fields)}); "
                        "the file is skipped")


def _csv_records(lines: Iterable[str], source: str, rel: str, opts: ReadOptions,
                 defaults: tuple[str, str] = ("", "")) -> Iterator[Item]:
    base = _doc_id(rel)
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(lines, strict=True)  # an unterminated quoted field is an error, not the rest of the file
    try:
        header = next(reader)
    except StopIteration:
        yield Skip(source, "empty file")
        return
    except csv.Error as exc:
        yield Skip(f"{source}:1", f"malformed CSV header ({exc})")
        return
    columns = _fields_found(dict.fromkeys(header)).replace("fields found", "columns found")
    if opts.text_field not in header:
        yield Skip(source, f"no column {opts.text_field!r} in the header ({columns}); give --text-field")
        return
    for option, name in opts.checked_fields:
        if name not in header:
            yield Skip(source, f"no column {name!r} (given by {option}) in the header ({columns}); the file is skipped")
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
        yield _record(dict(zip(header, row)), source, where, f"{base}:{start_line}", opts, defaults)
