"""Certificate rendering speed against a bare ReportLab page with the same text and QR code.

    .venv/bin/python bench/bench_certificates.py [--count 200]

Prints certificates/s into one multi-page PDF (target ≥ 80/s), the time for one certificate
alone (target ≤ 50 ms), and the ratio to the baselines measured in the same run. The
baselines draw the same strings (every printed legal string of the copy) at fixed positions
with one embedded font and the same signed payload as a vector QR code, with no layout, no
wrapping, no digest, no signing: "naive QR" with segno and one rectangle per dark module
(ReportLab's defaults), "same QR" with civreg's own QR drawing (zxing-cpp's encoder, one
rectangle per run) and stream encoding, so that ratio isolates the cost of civreg's layout.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable, Sequence

import segno
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from civreg.certificates import fonts, samples
from civreg.certificates.content import build, legal_strings
from civreg.certificates.data import CertificateData, CopyKind
from civreg.certificates.qr_draw import draw_qr
from civreg.certificates.qr_payload import QrSigner, make_payload
from civreg.certificates.render import render_one, render_pdf
from civreg.security.office_keys import generate_office_key


def workload(count: int) -> list[CertificateData]:
    makers = [samples.sample_birth, samples.sample_marriage, samples.sample_death]
    kinds = [CopyKind.FULL, CopyKind.EXTRACT]
    return [makers[i % 3](kinds[(i // 3) % 2], False) for i in range(count)]


def page_strings(data: CertificateData) -> list[str]:
    """Every string the copy prints (heading, identity, sections, issue lines, signer)."""
    return [s for s in legal_strings(build(data)) if s]


def bare_pages(prepared: Sequence[tuple[list[str], str]], out: io.BytesIO, fast: bool) -> None:
    """The baseline: fixed-position text and a vector QR, nothing else.

    ``fast=False``: the QR as one ``path.rect`` per dark module and ReportLab's defaults (how
    a bare page is usually written). ``fast=True``: the same QR drawing and stream encoding
    as civreg, so the ratio isolates the cost of civreg's layout, wrapping and signing.
    """
    fonts.register_fonts()
    c = Canvas(out, pagesize=A4, pageCompression=1, invariant=1)
    for lines, payload in prepared:
        c.setFont(fonts.SANS, 9)
        y = 800.0
        for line in lines:
            c.drawString(50, y, line[:110])
            y -= 11
        if fast:
            draw_qr(c, payload, 50, 50, 96)
        else:
            matrix = segno.make(payload, error="m", mask=4, micro=False, boost_error=False).matrix
            module = 96 / (len(matrix) + 8)
            path = c.beginPath()
            for r, row in enumerate(matrix):
                for col, dark in enumerate(row):
                    if dark:
                        path.rect(50 + (col + 4) * module, 146 - (r + 4) * module, module, module)
            c.drawPath(path, stroke=0, fill=1)
        c.showPage()
    previous = rl_config.useA85
    rl_config.useA85 = 0 if fast else previous
    try:
        c.save()
    finally:
        rl_config.useA85 = previous


CPU: dict[int, float] = {}  # id(fn) -> best CPU seconds (a busy machine inflates wall time)


def best_of(runs: int, fn: Callable[[], object]) -> float:
    times, cpu = [], []
    for _ in range(runs):
        start, c = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - c)
    CPU[id(fn)] = min(cpu)
    return min(times)


def median_of(runs: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    signer = QrSigner("BF-11-01", generate_office_key())
    items = workload(args.count)
    prepared = [(page_strings(d), make_payload(d, signer)) for d in items]
    fonts.register_fonts()
    render_one(items[0], signer)  # warm up font loading and imports

    n = len(items)
    fns = {
        "civreg": lambda: render_pdf(items, io.BytesIO(), signer),
        "bare, naive QR": lambda: bare_pages(prepared, io.BytesIO(), False),
        "bare, same QR": lambda: bare_pages(prepared, io.BytesIO(), True),
    }
    bulk = {name: best_of(3, fn) for name, fn in fns.items()}
    cpu = {name: CPU[id(fn)] for name, fn in fns.items()}
    one = {
        "civreg": median_of(30, lambda: render_one(items[0], signer)),
        "bare, naive QR": median_of(30, lambda: bare_pages(prepared[:1], io.BytesIO(), False)),
        "bare, same QR": median_of(30, lambda: bare_pages(prepared[:1], io.BytesIO(), True)),
    }
    pages = render_pdf(items, io.BytesIO(), signer)
    print(f"{n} certificates ({pages} pages), mixed birth/marriage/death, full copy/extract")
    print("multi-page PDF (target >= 80 cert/s):")
    for name, secs in bulk.items():
        ratio = secs / bulk["civreg"]
        print(
            f"  {name:15s} {n / secs:7.1f} cert/s   civreg speed / this = {ratio:4.2f}"
            f"   CPU: {n / cpu[name]:7.1f} cert/s, ratio {cpu[name] / cpu['civreg']:4.2f}"
        )
    print("one certificate alone, median (target <= 50 ms):")
    for name, secs in one.items():
        print(
            f"  {name:15s} {secs * 1000:7.1f} ms       civreg time / this = "
            f"{one['civreg'] / secs:4.2f}"
        )


if __name__ == "__main__":
    main()
