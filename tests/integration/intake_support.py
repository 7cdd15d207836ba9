"""A real intake service on loopback (``python -m civreg.intake`` in a subprocess) for the
tests and the benchmark."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class IntakeServer:
    def __init__(
        self, store: str, user: str, password: str, log: Path, *extra: str, port: int = 0
    ) -> None:
        self.port = port or free_port()
        self.log_path = log
        env = {k: v for k, v in os.environ.items() if not k.startswith("CIVREG_")}
        env["CIVREG_PASSWORD"] = password
        self._log = log.open("ab")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "civreg.intake",
                "--store",
                store,
                "--user",
                user,
                "--listen",
                f"127.0.0.1:{self.port}",
                *extra,
            ],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        self._wait_ready()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_ready(self, timeout: float = 60.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"intake exited: {self.log_path.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/v1/health", timeout=2) as r:
                    if json.loads(r.read())["status"] == "ok":
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("intake did not start")

    def events(self) -> list[dict]:
        out = []
        for line in self.log_path.read_text(encoding="utf-8").splitlines():
            if line.startswith("{"):
                out.append(json.loads(line))
        return out

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()

    def __enter__(self) -> IntakeServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
