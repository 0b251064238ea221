"""A non-editable install (the wheel) carries the exercises and the demo session."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    [built] = list(out.glob("workshop_tui-*.whl"))
    return built


def run_installed(wheel: Path, tmp_path: Path, code: str) -> tuple[Path, str]:
    """Unpack ``wheel`` as an installed package and run ``code`` against it: (site folder, stdout).

    Run in a new interpreter whose path holds only the unpacked wheel, so nothing is read from
    the checkout; its failure is this test's, with the interpreter's stderr.
    """
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    return target, result.stdout


def test_wheel_contains_exercises_and_demo(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "workshop_tui/_builtin/exercises/resistance.toml" in names
    assert "workshop_tui/_builtin/exercises/programmes/ledelse-paa-tvaers.toml" in names
    assert "workshop_tui/_builtin/exercises/README.md" in names
    assert "workshop_tui/_builtin/sessions/demo-aeldreomraadet.toml" in names


def test_installed_wheel_finds_the_library(wheel: Path, tmp_path: Path) -> None:
    code = (
        "from workshop_tui.core.storage.library import load_library;"
        "from workshop_tui.core.storage.locations import builtin_exercises_dir;"
        "lib = load_library(include_user=False);"
        "print(builtin_exercises_dir()); print(len(lib.exercises), len(lib.programmes), len(lib.problems))"
    )
    target, out = run_installed(wheel, tmp_path, code)
    folder, counts = out.strip().splitlines()
    assert folder.startswith(str(target))
    exercises, programmes, problems = map(int, counts.split())
    assert exercises >= 9 and programmes >= 1 and problems == 0


def test_wheel_carries_the_string_catalogue(wheel: Path, tmp_path: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for lang in ("da", "en"):
        assert f"workshop_tui/core/i18n/{lang}.toml" in names
    code = (
        "import workshop_tui.core.i18n as i18n;"
        "print(i18n.__file__);"
        "print(i18n.t('tui.home.title', 'da'), i18n.t('tui.home.title', 'en'), len(i18n.catalogue('en')))"
    )
    target, out = run_installed(wheel, tmp_path, code)
    where, words = out.strip().splitlines()
    assert where.startswith(str(target))
    danish, english, count = words.split()
    assert (danish, english) == ("Sessioner", "Sessions") and int(count) > 500


def test_an_installed_wheel_takes_the_shipped_known_texts(wheel: Path, tmp_path: Path) -> None:
    """The first read after installing does not make the known texts (``core/storage/known_seed``)."""
    assert "workshop_tui/core/storage/known_exercises.seed" in zipfile.ZipFile(wheel).namelist()
    code = (
        "from workshop_tui.core.storage import known_exercises as k;"
        "k._make = lambda: 1 / 0;"  # made: the shipped table was not taken
        "known = k.known_texts();"
        "print(len(known) > 0, k.CACHE_FILE.is_file())"
    )
    _, out = run_installed(wheel, tmp_path, code)
    assert out.split() == ["True", "True"]
