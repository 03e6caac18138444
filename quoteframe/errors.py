"""Exceptions the library raises; the CLI turns each into a one-line message and exit status 1."""


class QuoteframeError(Exception):
    """Base class of every error quoteframe reports to a user."""


class InputError(QuoteframeError):
    """A corpus path or record cannot be read as asked (missing file, bad option for its format)."""


class LexiconError(QuoteframeError):
    """A lexicon or manifest file is malformed; the message names the file and line."""


class ResourceMissing(QuoteframeError):
    """An optional offline resource (WordNet data, Dask) is absent; the message says how to install it."""
