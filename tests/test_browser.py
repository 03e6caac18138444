"""report.html in a real browser: headless Chromium (Debian's ``chromium``) renders the page, loads every
figure, and runs none of the corpus's markup.

CI (CI=true) must run this test: ``.ci/run`` installs Chromium when it is missing. Elsewhere it skips with
one line when Chromium is absent. The browser starts with a fresh profile and everything that would reach
the network switched off; the page itself has no script, so the figures are checked from a small test
page of our own, written beside it, that reads each image's natural size once the page has loaded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli

BROWSERS = ("chromium", "chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
         "--disable-dev-shm-usage", "--hide-scrollbars"]
SECTIONS = ["corpus", "sources", "remarks", "frames", "method"]


def chromium() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is not installed, and CI must run the browser test (.ci/run installs it)")
    pytest.skip("Chromium is not installed (apt-get install chromium); the browser test needs it")


def run_browser(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class DomParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_title:
            self.title += data


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chromium()  # skip (or fail on CI) before building anything
    out = tmp_path_factory.mktemp("browser") / "report"
    code, _, err = run_cli("report", str(FIXTURES / "injection"), "-o", str(out), "--jobs", "1")
    assert code == 0, err
    return out


def test_the_page_renders_its_sections_and_runs_no_corpus_markup(report_dir: Path, tmp_path: Path) -> None:
    dom_text = run_browser(tmp_path, "--virtual-time-budget=5000", "--dump-dom", (report_dir / "report.html").as_uri())
    dom = DomParser()
    dom.feed(dom_text)
    assert [a.get("id") for t, a in dom.tags if t == "section"] == SECTIONS
    assert dom.title == "quoteframe report"  # the corpus's <script> and onerror would set it to ...pwned
    assert not [t for t, _ in dom.tags if t == "script"]
    assert [a.get("src") for t, a in dom.tags if t == "img"] == ["figures/sources.png", "figures/frames.png"]
    text = "".join(dom.text)
    assert "<script>document.title='pwned'</script>" in text
    assert "<img src=x onerror=document.title='img-pwned'>" in text


def test_every_figure_loads(report_dir: Path, tmp_path: Path) -> None:
    page = DomParser()
    page.feed((report_dir / "report.html").read_text(encoding="utf-8"))
    sources = [str(a["src"]) for t, a in page.tags if t == "img"]
    sources += [str(a["href"]) for t, a in page.tags if t == "a" and str(a.get("href", "")).endswith(".svg")]
    assert len(sources) == 4  # two figures, PNG in the page and SVG linked
    check = report_dir / "figure-check.html"  # our own test page, beside the report so the paths resolve
    check.write_text(
        "<!DOCTYPE html><html><head><title>check</title></head><body>"
        + "".join(f'<img src="{src}">' for src in sources)
        + "<script>window.addEventListener('load', function () {"
          "var out = []; for (var i = 0; i < document.images.length; i++) {"
          "var im = document.images[i]; out.push(im.getAttribute('src') + '=' + im.naturalWidth + 'x' + im.naturalHeight); }"
          "document.body.setAttribute('data-figures', out.join(' ')); });</script></body></html>",
        encoding="utf-8")
    try:
        dom_text = run_browser(tmp_path, "--virtual-time-budget=5000", "--dump-dom", check.as_uri())
    finally:
        check.unlink()
    dom = DomParser()
    dom.feed(dom_text)
    body = next(a for t, a in dom.tags if t == "body")
    sizes = dict(item.split("=") for item in str(body.get("data-figures", "")).split())
    assert sorted(sizes) == sorted(sources)
    for src, size in sizes.items():
        width, height = (int(n) for n in size.split("x"))
        assert width > 300 and height > 150, f"{src} did not load ({size})"


def test_a_screenshot_shows_a_rendered_page(report_dir: Path, tmp_path: Path) -> None:
    shot = tmp_path / "page.png"
    run_browser(tmp_path, "--window-size=1200,1600", f"--screenshot={shot}", (report_dir / "report.html").as_uri())
    from PIL import Image  # pillow comes with matplotlib, which the test extra installs

    with Image.open(shot) as im:
        assert im.size == (1200, 1600)
        grey = im.convert("L")
        lo, hi = grey.getextrema()
        assert hi - lo > 100, "the page rendered blank"
        colours = grey.getcolors(maxcolors=256 * 256) or []
        assert len(colours) > 20, "the page shows almost nothing"
