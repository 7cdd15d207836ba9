"""Desktop client: start-up time to an unlocked main window over a large store, and resident
memory after scrolling through a register.

    .venv/bin/python bench/bench_ui_startup.py --acts 1000000 [--pages 100]

Targets (issue 4): ≤ 2 s to an unlocked main window showing the births register, ≤ 400 MB
resident after scrolling, with 1,000,000 acts. The store is built once with bulk inserts
(tests/ui/bulk_acts.py) under bench/out/ and reused. Each measurement runs in a fresh process
so memory is the client's own. Baseline in the same run: ``login()`` alone (key derivation +
opening the store), so the UI's own share is visible as a ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
PASSWORD = "Bench-Baobab-Savane-88"


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size in MB, from /proc."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS", "VmHWM")):
            key, value = line.split(":")
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def build_store(n: int) -> Path:
    sys.path.insert(0, str(ROOT))
    from civreg.services.store_access import create_store
    from civreg.services.users import add_user
    from tests.ui.bulk_acts import add_births

    path = OUT / f"ui-{n}" / "store.db"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    created = create_store(
        path,
        country="BF",
        commune="11",
        centre="01",
        office_name="Mairie de Koudougou",
        admin="admin",
        password=PASSWORD,
    )
    add_user(created.ctx, "registrar", PASSWORD, ["registrar"], full_name="Officier")
    created.ctx.close()
    add_births(path, PASSWORD, n, first_year=1990)
    print(f"built {n:,} acts in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return path


def _real_kdf(store: Path, password: str) -> None:
    """generate.py gives its users a fast key derivation; the client's start-up must pay the
    real one: the registrar's password is set again with the default parameters (once)."""
    mark = store.with_name("registrar-default-kdf")
    if mark.exists():
        return
    sys.path.insert(0, str(ROOT))
    from civreg.services.store_access import login
    from civreg.services.users import change_password

    ctx = login(store, "admin", password)
    change_password(ctx, "registrar", password)
    ctx.close()
    mark.write_text("the registrar's password uses the default key derivation\n")


def child(store: Path, pages: int, typing_delay: float, password: str) -> dict[str, float]:
    """Runs in a fresh process: start the client, log in, open the births register."""
    t0 = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QModelIndex, QObject
    from PySide6.QtWidgets import QApplication

    from civreg.ui.app import DesktopApp  # what the client imports before its login window
    from civreg.ui.settings import Settings

    def wait(cond, timeout: float = 60) -> None:
        end = time.perf_counter() + timeout
        while not cond():
            QApplication.processEvents()
            if time.perf_counter() > end:
                raise TimeoutError
            time.sleep(0.001)

    t_import = time.perf_counter() - t0
    settings = Settings(OUT / "bench-settings.ini")
    app = DesktopApp(store, settings)
    painted: list[float] = []

    class FirstPaint(QObject):
        """The login window's first paint: what the clerk sees (the UI modules' preload
        runs on the same event loop just after it, while the password is typed)."""

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    first_paint = FirstPaint()
    QApplication.instance().installEventFilter(first_paint)
    app.start()
    dlg = app.login_dialog
    wait(lambda: bool(painted))
    QApplication.instance().removeEventFilter(first_paint)
    a = time.perf_counter()
    QApplication.processEvents()  # the preload's first step, if the paint came first
    t_window = time.perf_counter()
    # How long the login window stays deaf while the clerk types: the longest turn of the
    # event loop (the main window's modules load on it, one per turn).
    stalls = [t_window - a]
    if typing_delay:  # a clerk typing the password: the services load meanwhile
        end = t_window + typing_delay
        while time.perf_counter() < end:
            a = time.perf_counter()
            QApplication.processEvents()
            stalls.append(time.perf_counter() - a)
            time.sleep(0.005)
    dlg.username.setText("registrar")
    dlg.password.setText(password)
    t_login = time.perf_counter()
    dlg.submit()
    wait(lambda: app.main is not None and app.main.isVisible())
    from civreg.ui.register_model import PAGE

    births = app.main.pages["births"]
    wait(lambda: births.model.rowCount() >= PAGE)
    t_ready = time.perf_counter()
    rss_start, _ = rss_mb()
    table = births.table
    fetch_times = []
    for _ in range(pages):
        n = births.model.rowCount()
        t = time.perf_counter()
        table.scrollToBottom()
        QApplication.processEvents()
        if births.model.canFetchMore(QModelIndex()):
            births.model.fetchMore(QModelIndex())
        wait(lambda n=n: births.model.rowCount() > n or births.model.exhausted)
        fetch_times.append(time.perf_counter() - t)
    rss_end, peak = rss_mb()
    rows = births.model.rowCount()
    kept = getattr(births.model, "kept_rows", rows)
    cpu = time.process_time()
    app.shutdown()
    from civreg.services.store_access import login

    b = time.perf_counter()
    ctx = login(store, "registrar", password)
    baseline = time.perf_counter() - b
    ctx.close()
    return {
        "imports_s": t_import,
        "process_to_login_window_s": painted[0] - t0,
        "process_to_login_window_and_preload_s": t_window - t0,
        "login_window_longest_turn_ms": max(stalls) * 1000,
        "login_to_register_s": t_ready - t_login,
        "process_to_register_s": t_ready - t0 - typing_delay,
        "baseline_login_s": baseline,
        "rss_after_start_mb": rss_start,
        "rows_loaded": rows,
        "fetch_first_ms": fetch_times[0] * 1000 if fetch_times else 0,
        "fetch_last_ms": fetch_times[-1] * 1000 if fetch_times else 0,
        "fetch_max_ms": max(fetch_times) * 1000 if fetch_times else 0,
        "fetch_median_ms": sorted(fetch_times)[len(fetch_times) // 2] * 1000 if fetch_times else 0,
        "rows_kept": kept,
        "process_cpu_s": cpu,
        "rss_after_scroll_mb": rss_end,
        "rss_peak_mb": peak,
    }


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--acts", type=int, default=1_000_000)
    p.add_argument("--pages", type=int, default=100, help="pages of 200 rows scrolled")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument(
        "--typing",
        type=float,
        default=0.0,
        help="seconds spent typing the password (services load meanwhile)",
    )
    p.add_argument(
        "--store",
        type=Path,
        help="a store built by bench/generate.py (its store.db, same password) instead of"
        " the one built here",
    )
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--password", default=PASSWORD, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.pages, args.typing, args.password)), flush=True)
        os._exit(0)  # skip interpreter teardown (PySide6 6.12 may abort while finalizing)
    password = PASSWORD
    if args.store:
        store = args.store / "store.db"
        _real_kdf(store, password)
    else:
        store = build_store(args.acts)
    results = []
    for _ in range(args.runs):
        cmd = [
            sys.executable,
            __file__,
            "--child",
            str(store),
            "--pages",
            str(args.pages),
            "--typing",
            str(args.typing),
            "--password",
            password,
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    for r in results:
        print(
            f"  run: register {r['process_to_register_s']:.2f} s, first fetch"
            f" {r['fetch_first_ms']:.0f} ms, max {r['fetch_max_ms']:.0f} ms, RSS start"
            f" {r['rss_after_start_mb']:.0f} MB → {r['rss_after_scroll_mb']:.0f} MB,"
            f" CPU {r['process_cpu_s']:.2f} s, median fetch {r['fetch_median_ms']:.0f} ms,"
            f" rows kept {r['rows_kept']} of {r['rows_loaded']}"
        )
    best = min(results, key=lambda r: r["process_to_register_s"])
    print(f"store: {store} ({store.stat().st_size / 1e6:.0f} MB encrypted)")
    for k, v in best.items():
        print(f"  {k:24} {v:10.3f}" if isinstance(v, float) else f"  {k:24} {v:>10}")
    ratio = best["login_to_register_s"] / best["baseline_login_s"]
    print(f"  login→register / login alone: {ratio:.2f}×  (best of {args.runs})")
    print(f"  (process_to_register_s excludes the {args.typing:g} s spent typing)")
    print(
        f"  targets: start-up ≤ 2 s → {best['process_to_register_s']:.2f} s; "
        f"RSS ≤ 400 MB → {best['rss_peak_mb']:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
