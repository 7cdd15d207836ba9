"""Run the whole benchmark suite with one command and write the figures.

    .venv/bin/python bench/run_all.py                      # 100k BF store
    .venv/bin/python bench/run_all.py --sizes 100000 1000000 --country BF
    .venv/bin/python bench/run_all.py --quick              # 10k store, fewer queries

Stores are generated once under ``--work`` (default ``/tmp/civreg-bench``, outside the repo)
and reused; the registration benchmark runs on a copy, since it adds acts. Then the other
benchmarks of ``bench/`` that exist (certificates, batch format, UI start-up, sync) run with
their own defaults. Every result goes to ``<work>/results/*.json`` and a summary table is
printed (paste it into ``bench/README.md`` with the machine line).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
OTHERS = ("bench_certificates.py", "bench_batch_format.py", "bench_ui_startup.py", "bench_sync.py")


def run(args: list[str], log: Path) -> int:
    print("$", " ".join(args), flush=True)
    t = time.perf_counter()
    with log.open("w") as fh:
        rc = subprocess.run(args, stdout=fh, stderr=subprocess.STDOUT, cwd=HERE.parent).returncode
    print(f"  -> exit {rc} in {time.perf_counter() - t:.0f} s ({log})", flush=True)
    return rc


def store_for(work: Path, country: str, size: int) -> Path:
    d = work / f"{country.lower()}-{size // 1000}k"
    if not (d / "truth.json").exists():
        if d.exists():
            shutil.rmtree(d)
        extra = ["--skip-hashes"] if size > 200_000 else []
        rc = run(
            [
                PY,
                str(HERE / "generate.py"),
                "--acts",
                str(size),
                "--country",
                country,
                "--out",
                str(d),
                "--plain",
                *extra,
            ],
            work / f"generate-{d.name}.log",
        )
        if rc:
            raise SystemExit(f"generation failed: see {work}/generate-{d.name}.log")
    return d


def summary(results: Path) -> str:
    lines = [
        "| benchmark | store | p50 ms | p95 ms | CPU p50 / p95 ms | baseline p50 / p95 ms"
        " | other |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in sorted(results.glob("*.json")):
        try:
            r = json.loads(f.read_text())
        except ValueError:
            continue
        name = r.get("bench", f.stem)
        acts = r.get("acts") or r.get("acts_in_store")
        if name == "search":
            name = f"search (cache {r.get('cache_mib', 64)} MiB)"
            other = (
                f"repeat p50/p95 {r['service_repeat_ms']['p50']}/"
                f"{r['service_repeat_ms']['p95']}; enc/plain p50 "
                f"{r.get('encrypted_over_plain_p50')}, p95 "
                f"{r.get('encrypted_over_plain_p95')}; recall@10 "
                f"{r['variants']['recall_top10']}, precision@10 "
                f"{r['variants']['precision_top10']}"
            )
            main, base, cpu = r["service_ms"], r["baseline_sql_ms"], r.get("service_cpu_ms")
        elif name == "duplicates":
            other = (
                f"planted recall {r['planted']['recall']}, precision {r['planted']['precision']}"
            )
            main, base, cpu = r["service_ms"], r["baseline_sql_ms"], r.get("service_cpu_ms")
        elif name == "register":
            other = f"draft+register p50 {r['draft_and_register_ms']['p50']}"
            main, base, cpu = (
                r["register_ms"],
                r["baseline_raw_insert_ms"],
                r.get("register_cpu_ms"),
            )
        else:
            continue
        cpu_txt = f"{cpu['p50']} / {cpu['p95']}" if cpu else "-"
        lines.append(
            f"| {name} | {r['country']} {acts} | {main['p50']} | {main['p95']} | "
            f"{cpu_txt} | {base['p50']} / {base['p95']} | {other} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    ap.add_argument("--country", choices=["BF", "CD"], default="BF")
    ap.add_argument("--work", type=Path, default=Path("/tmp/civreg-bench"))
    ap.add_argument("--quick", action="store_true", help="10k acts, fewer samples")
    ap.add_argument("--skip-others", action="store_true")
    args = ap.parse_args(argv)
    sizes = [10_000] if args.quick else args.sizes
    results = args.work / "results"
    results.mkdir(parents=True, exist_ok=True)
    n = ["--queries", "100"] if args.quick else []
    failed = 0
    for size in sizes:
        store = store_for(args.work, args.country, size)
        tag = store.name
        failed += bool(
            run(
                [
                    PY,
                    str(HERE / "bench_search.py"),
                    "--store",
                    str(store),
                    *n,
                    "--out",
                    str(results / f"search-{tag}.json"),
                ],
                args.work / f"search-{tag}.log",
            )
        )
        failed += bool(
            run(
                [
                    PY,
                    str(HERE / "bench_search.py"),
                    "--store",
                    str(store),
                    *n,
                    "--cache-mib",
                    "512",
                    "--out",
                    str(results / f"search-{tag}-cache512.json"),
                ],
                args.work / f"search-{tag}-cache512.log",
            )
        )
        failed += bool(
            run(
                [
                    PY,
                    str(HERE / "bench_duplicates.py"),
                    "--store",
                    str(store),
                    "--out",
                    str(results / f"duplicates-{tag}.json"),
                ],
                args.work / f"duplicates-{tag}.log",
            )
        )
        copy = args.work / f"{tag}-register"
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(store, copy, ignore=shutil.ignore_patterns("plain.db*"))
        failed += bool(
            run(
                [
                    PY,
                    str(HERE / "bench_register.py"),
                    "--store",
                    str(copy),
                    "--out",
                    str(results / f"register-{tag}.json"),
                ],
                args.work / f"register-{tag}.log",
            )
        )
        shutil.rmtree(copy)
    if not args.skip_others:
        for script in OTHERS:
            if (HERE / script).exists():
                failed += bool(run([PY, str(HERE / script)], results / f"{Path(script).stem}.log"))
    print()
    print(summary(results))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
