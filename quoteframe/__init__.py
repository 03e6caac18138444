"""quoteframe: how news outlets quote and frame the same event.

The library exposes plain functions over dataclass records; only :mod:`quoteframe.cli` talks to a
terminal.
"""

from quoteframe.errors import QuoteframeError

__all__ = ["QuoteframeError", "__version__"]
__version__ = "0.1.0"
