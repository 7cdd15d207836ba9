"""civreg installed from its wheel, outside the repository, works: the country profiles,
migrations, fonts and translations travel as package data (found with importlib.resources),
not as files beside a checkout.

The wheel is built from a copy of the sources (so a stale ``build/`` folder cannot leak
deleted modules into it), installed with ``--no-deps`` into a fresh venv under a temporary
folder, and run from there. The dependencies (PySide6, SQLCipher, ReportLab…: ~400 MB) are
lent by the development venv through a ``.pth`` line appended *after* the fresh venv's own
site-packages, so no network is needed and civreg itself can only come from the wheel (the
test checks where it was imported from). Set CIVREG_WHEEL_FULL_INSTALL=1 to let pip resolve
the dependencies from the configured index instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 300) -> str:
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{args[:3]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _copy_sources(dest: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "civreg", dest / "civreg", ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    qm = sorted((ROOT / "civreg" / "resources" / "translations").glob("*.qm"))
    if not qm:  # build products of scripts/setup
        subprocess.run([sys.executable, "-m", "civreg.ui.build_translations"], check=True)
    src = tmp_path_factory.mktemp("src")
    _copy_sources(src)
    out = tmp_path_factory.mktemp("dist")
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)],
        cwd=out,
        env=dict(os.environ),
        timeout=600,
    )
    (built,) = out.glob("civreg-*.whl")
    return built


def test_the_wheel_carries_the_data_and_the_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "civreg/py.typed",
        "civreg/migrations/env.py",
        "civreg/migrations/script.py.mako",
        "civreg/resources/countries/BF.toml",
        "civreg/resources/countries/CD-geography.csv",
        "civreg/resources/fonts/DejaVuSerif.ttf",
        "civreg/resources/names.json",
        "civreg/resources/given_name_equivalents.json",
        "civreg/resources/translations/civreg_fr.qm",
    ):
        assert needed in names, needed
    versions = sorted(n for n in names if n.startswith("civreg/migrations/versions/"))
    from civreg.models.migrate import REVISIONS

    assert [Path(n).name[:4] for n in versions] == list(REVISIONS)
    assert not any(n.startswith(("tests/", "bench/")) for n in names)


def test_an_installed_wheel_runs_demo_certificate_and_verify(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path, env=dict(os.environ))
    py = venv / "bin" / "python"
    full = os.environ.get("CIVREG_WHEEL_FULL_INSTALL") == "1"
    pip = [str(py), "-m", "pip", "install", "-q", str(wheel)]
    _run(pip if full else [*pip, "--no-deps", "--no-index"], cwd=tmp_path, env=dict(os.environ))
    if not full:
        site = Path(
            _run(
                [str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                cwd=tmp_path,
                env=dict(os.environ),
            ).strip()
        )
        (site / "zz_dev_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")

    work = tmp_path / "work"  # outside the repository: no checkout on sys.path
    work.mkdir()
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "CIVREG_PASSWORD": "demo",
        "QT_QPA_PLATFORM": "offscreen",
    }
    where = _run([str(py), "-c", "import civreg; print(civreg.__file__)"], cwd=work, env=env)
    assert Path(where.strip()).is_relative_to(venv), where
    civreg = str(venv / "bin" / "civreg")

    out = _run([civreg, "demo", "--store", "demo.db", "--acts", "12"], cwd=work, env=env)
    assert "demo.db" in out
    info = _run([civreg, "info", "--store", "demo.db"], cwd=work, env=env)
    assert "BF-" in info and "(head " in info
    _run(
        [
            civreg,
            "certificate",
            "--store",
            "demo.db",
            "--user",
            "registrar",
            "--kind",
            "full",
            "--out",
            "copy.pdf",
            "--requester",
            "KABORÉ Awa",
            "--capacity",
            "parent",
            "1",
        ],
        cwd=work,
        env=env,
    )
    assert (work / "copy.pdf").read_bytes().startswith(b"%PDF")
    _run(
        [
            civreg,
            "keys",
            "export-public",
            "--store",
            "demo.db",
            "--user",
            "admin",
            "--out",
            "office.json",
        ],
        cwd=work,
        env=env,
    )
    verdict = _run(
        [civreg, "verify-certificate", "--pdf", "copy.pdf", "--trust", "office.json", "--json"],
        cwd=work,
        env=env,
    )
    (result,) = json.loads(verdict)
    assert result["status"] == "VALID"
    assert result["fields"]["k"] == "N" and result["fields"]["s"] == "R"
