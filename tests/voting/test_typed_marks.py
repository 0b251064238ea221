"""The phone's score behind a typed-over mark is kept in the roll (``phone_scores``), so an undo
after voting closed and opened again (or with voting closed) can give the answer back."""

from __future__ import annotations

from pathlib import Path

from workshop_tui.voting.roll import Roll


def test_the_phones_score_behind_a_mark_is_kept(tmp_path: Path) -> None:
    roll = Roll.new()
    roll.mark_typed("p5", "resistance", "trust", 3)
    roll.mark_typed("p5", "resistance", "necessity", None)  # the phone had no score there
    path = tmp_path / "roll.toml"
    roll.save(path)
    loaded, problem = Roll.load(path)
    assert problem is None
    assert loaded.typed == {"p5": {"resistance/trust", "resistance/necessity"}}
    assert loaded.typed_from == {("p5", "resistance/trust"): 3}


def test_a_damaged_phone_score_is_a_damaged_roll(tmp_path: Path) -> None:
    path = tmp_path / "roll.toml"
    path.write_text('[phone_scores.p5]\n"resistance/trust" = "3"\n')
    _, problem = Roll.load(path, set_aside=False)
    assert problem is not None and "phone_scores" in problem
    assert path.exists()  # read while voting is closed: left where it is
