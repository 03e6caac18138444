"""Shared fixtures: the seed corpus and a CLI runner that parses CSV output."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from quoteframe.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLD = Path(__file__).resolve().parent / "gold"


def run_cli(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    """Run the real CLI; return (exit code, stdout, stderr)."""
    runner = CliRunner()
    result = runner.invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def parse_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="session")
def seed_rows() -> list[dict[str, str]]:
    code, out, _ = run_cli("quotes", str(SEEDS), "--jobs", "1")
    assert code == 0
    return parse_csv(out)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_bytes().decode("utf-8-sig") for p in sorted(SEEDS.glob("*.txt"))}
