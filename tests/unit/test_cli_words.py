"""The command line's refusals of a bad option value are in its language, not Python's English."""

from __future__ import annotations

import pytest

from workshop_tui.cli.main import main


@pytest.mark.parametrize(
    ("argv", "danish", "english"),
    [
        (["--vote-port", "70000"], "'70000' er ikke en port", "'70000' is not a port"),
        (["--vote-host", "laptop"], "'laptop' er ikke en IP-adresse", "'laptop' is not an IP address"),
        (
            ["--vote-max", "many"],
            "'many' er ikke et antal fra 1 til 500",
            "'many' is not a number from 1 to 500",
        ),
        (["--vote-per-address", "0"], "'0' er ikke et antal", "'0' is not a number"),
    ],
)
def test_a_bad_voting_option_is_refused_in_the_clis_language(
    argv: list[str], danish: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang, words, other in (("da", danish, english), ("en", english, danish)):
        with pytest.raises(SystemExit) as exit_:
            main(["--lang", lang, *argv, "sessions"])
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert words in err and other not in err, err
        assert "invalid literal" not in err and "does not appear to be" not in err
