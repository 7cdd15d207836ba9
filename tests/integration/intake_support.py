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
        self.scheme = "https" if "--tls-cert" in extra else "http"
        self.ca: str | None = None
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
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def _wait_ready(self, timeout: float = 60.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"intake exited: {self.log_path.read_text()[-2000:]}")
            try:
                context = None
                if self.scheme == "https":
                    import ssl

                    context = ssl.create_default_context()
                    context.check_hostname = False
                    context.verify_mode = ssl.CERT_NONE
                url = self.url + "/v1/health"
                with urllib.request.urlopen(url, timeout=2, context=context) as r:
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


def self_signed(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path, str]:
    """A self-signed server certificate for ``host``: (cert file, key file, cert PEM)."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "civreg intake test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    pem = cert.public_bytes(serialization.Encoding.PEM)
    cert_file, key_file = folder / "intake.crt", folder / "intake.key"
    cert_file.write_bytes(pem)
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file, pem.decode()
