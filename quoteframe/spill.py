"""Rows of a run parked on disk per document, read back in doc_id order.

A table is sorted by doc_id, and speaker names are made canonical only once every document has been
seen, so no row can be written before the run ends. Holding the rows meanwhile costs about a kilobyte
per quotation (millions over a month of news); a temporary file holds them instead, and memory keeps
only each document's offsets.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")


class DocSpill(Generic[T]):
    """Lists of records by doc_id in a temporary file (deleted on close); nothing else reads the file."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="quoteframe-")
        self._index: dict[str, list[tuple[int, int]]] = {}  # doc_id -> (offset, length) of each list
        self._size = 0

    def add(self, doc_id: str, records: list[T]) -> None:
        if not records:
            return
        data = pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(data)
        self._index.setdefault(doc_id, []).append((self._size, len(data)))
        self._size += len(data)

    def by_doc_id(self) -> Iterator[list[T]]:
        """Each doc_id's records, doc_ids in sorted order, records in the order they were added."""
        self._file.flush()
        for doc_id in sorted(self._index):
            records: list[T] = []
            for offset, length in self._index[doc_id]:
                self._file.seek(offset)
                records.extend(pickle.loads(self._file.read(length)))
            yield records

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> DocSpill[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
