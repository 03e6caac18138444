"""Allow ``python -m quoteframe``."""

from quoteframe.cli import main

main()
