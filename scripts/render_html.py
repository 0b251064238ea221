#!/usr/bin/env python3
"""Render a session's HTML export to PNG with headless Chromium, to check it by eye.

    python scripts/render_html.py SESSION [-o DIR] [--named] [--notes] [--print]

SESSION is a session file, id or title (as for ``workshop export``). The script
writes the HTML export to DIR, then one PNG per page of the screen view (the
cover and each exercise, rendered on its own so nothing is cut at the window's
edge) and, with ``--print``, the browser's print-to-PDF output and one PNG per
printed A4 page (needs ``pdftoppm`` from Debian's ``poppler-utils``).

Chromium runs with no network, no sync, no first-run and a throw-away profile:
the export must not need anything from outside the file. Install it with
``apt-get install chromium``. Don't commit the PNGs.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python scripts/render_html.py` from a checkout
    sys.path.insert(0, str(ROOT))

from workshop_tui.core.results.summary import build_summary  # noqa: E402
from workshop_tui.core.storage.errors import FileProblems  # noqa: E402
from workshop_tui.core.storage.sessions import load_session  # noqa: E402
from workshop_tui.export.commands import resolve  # noqa: E402
from workshop_tui.export.html import render_html  # noqa: E402

WIDTH, HEIGHT = 1240, 1754
"""A4 at 150 dpi: 210 × 297 mm."""
SECTION = re.compile(r'<section class="page[^"]*".*?</section>\n', re.S)


def chromium() -> str:
    """The Chromium executable, or exit with how to install it."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("render_html: Chromium not found; install it with: apt-get install chromium")


def run_chromium(args: list[str], profile: Path) -> None:
    """Run headless Chromium with networking and background services turned off."""
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def screenshots(html: str, out: Path, profile: Path, height: int) -> list[Path]:
    """One PNG per page of the screen view: the cover and every exercise."""
    head, _, _ = html.partition("<main>")
    sections = SECTION.findall(html)
    written = []
    for index, section in enumerate(sections):
        single = out / f".page-{index:02d}.html"
        single.write_text(f"{head}<main>{section}</main></body></html>", encoding="utf-8")
        png = out / f"page-{index:02d}.png"
        run_chromium(
            [f"--screenshot={png}", f"--window-size={WIDTH},{height}", single.as_uri()],
            profile,
        )
        single.unlink()
        written.append(png)
    return written


def printed(html_path: Path, out: Path, profile: Path) -> list[Path]:
    """The print-to-PDF output and one PNG per A4 page (when pdftoppm is installed)."""
    pdf = out / f"{html_path.stem}.pdf"
    run_chromium([f"--print-to-pdf={pdf}", "--no-pdf-header-footer", html_path.as_uri()], profile)
    if shutil.which("pdftoppm") is None:
        print("render_html: pdftoppm not found (apt-get install poppler-utils); PDF only")
        return [pdf]
    subprocess.run(["pdftoppm", "-png", "-r", "110", str(pdf), str(out / "print")], check=True)
    return [pdf, *sorted(out.glob("print-*.png"))]


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, export the HTML and render it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("session", help="session file, id or title")
    parser.add_argument("-o", "--output", type=Path, default=Path("render"))
    parser.add_argument("--named", action="store_true")
    parser.add_argument("--notes", action="store_true")
    parser.add_argument("--print", action="store_true", help="also print to PDF and rasterise")
    parser.add_argument("--height", type=int, default=HEIGHT, help="window height in px")
    args = parser.parse_args(argv)
    path = resolve(args.session)
    if path is None:
        print(f"render_html: no session {args.session!r}", file=sys.stderr)
        return 1
    try:
        session = load_session(path)
    except FileProblems as error:
        print(error, file=sys.stderr)
        return 1
    html = render_html(build_summary(session, include_notes=args.notes, named=args.named))
    out = args.output
    out.mkdir(parents=True, exist_ok=True)
    html_path = out / "summary.html"
    html_path.write_text(html, encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="render-html-") as profile:
        written = screenshots(html, out, Path(profile), args.height)
        if args.print:
            written += printed(html_path, out, Path(profile))
    for item in [html_path, *written]:
        print(item)
    return 0


if __name__ == "__main__":
    sys.exit(main())
