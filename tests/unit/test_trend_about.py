"""The trend report's "about the figures" tells the truth about a dimension's figure.

Found by hand (the demo series, K/K/C): the trend said "Hvert tal er præcis det, sessionens
egen rapport (workshop export) viser", and its Kurs was 2,58 on 2026-10-14, a figure found
nowhere in that session's report or on its wall, which show a dimension with positive and
negative statements as two figures (produceres 2,61 / produceres ikke 3,44). A manager
holding both reports saw two figures disagree with nothing saying why.
"""

from __future__ import annotations

import re
from pathlib import Path

from workshop_tui.cli.main import main


def test_a_mixed_dimensions_trend_figure_is_said_not_to_be_in_the_sessions_report(
    data_dir: Path, tmp_path: Path
) -> None:
    assert main(["demo", "--no-open"]) == 0
    out = tmp_path / "out"
    assert main(["trend", "demo-" + _demo_id(data_dir), "--format", "md", "-o", str(out)]) == 0
    assert main(["export", "demo-" + _demo_id(data_dir), "--format", "md", "-o", str(out / "export")]) == 0
    (trend,) = out.glob("*.md")
    (report,) = (out / "export").glob("*.md")
    trend_text, report_text = trend.read_text(encoding="utf-8"), report.read_text(encoding="utf-8")
    kurs = re.search(r"^\| Kurs \| ([0-9,]+) \|", trend_text, re.M)
    assert kurs is not None
    profile = re.search(r"^\| Kurs \| ([0-9,]+) \| ([0-9,]+) \|$", report_text, re.M)
    assert profile is not None and kurs.group(1) not in profile.groups()  # two figures, neither the trend's
    assert "Hvert tal er præcis det" not in trend_text
    assert "står ikke i den" in trend_text


def _demo_id(data_dir: Path) -> str:
    (first,) = [p.stem for p in (data_dir / "sessions").glob("demo-*.toml") if p.stem.count("-") == 1]
    return first.removeprefix("demo-")
