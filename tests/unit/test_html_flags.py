"""A command-line option in the HTML reports' sentences is one unbreakable piece (``html_text.said``).

"Eksportér med navne (--named)" broke after the "--" in the browser and on paper (a line may
break after a hyphen): the Chromium test in ``tests/voting/test_printed_html.py`` lays the
page out at every width; this checks the markup without a browser.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.cli.main import main
from workshop_tui.core.storage.sessions import demo_copy
from workshop_tui.export.html_style import CSS
from workshop_tui.export.html_text import said


def test_each_option_is_a_flag_and_the_rest_is_escaped_as_before() -> None:
    assert said("Eksportér med navne (--named) for at tage dem med.") == (
        'Eksportér med navne (<code class="flag">--named</code>) for at tage dem med.'
    )
    assert said("--min-answers 3 og --all") == (
        '<code class="flag">--min-answers</code> 3 og <code class="flag">--all</code>'
    )
    assert said("<b>a--b</b> -- x ---y") == "&lt;b&gt;a--b&lt;/b&gt; -- x ---y"  # no option in these
    assert "code.flag { font: inherit; white-space: nowrap; }" in CSS


def test_the_export_s_notes_and_the_compare_page_keep_their_options_whole(
    data_dir: Path, tmp_path: Path
) -> None:
    path, session = demo_copy(data_dir / "sessions")
    out = tmp_path / "out"
    assert main(["--lang", "da", "export", str(path), "--format", "html", "-o", str(out)]) == 0
    (page,) = out.glob("*.html")
    text = page.read_text(encoding="utf-8")
    assert '(<code class="flag">--named</code>)' in text and "(--named)" not in text
    later = str(path.with_name(f"{session.id}-2.toml"))
    assert main(["--lang", "da", "compare", str(path), later, "--format", "html", "-o", str(out / "c")]) == 0
    (compared,) = (out / "c").glob("*.html")
    shown = compared.read_text(encoding="utf-8")
    assert '<code class="flag">--all</code>' in shown and "med --all" not in shown
