"""A TCP relay on loopback that makes a bad link out of a good one: a byte rate (both ways),
connections cut at random points of the upload, or all connections dropped every few
seconds. Used by the outbox tests and by bench/bench_intake.py."""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time


class _Bucket:
    """Bytes per second, shared by every connection in one direction."""

    def __init__(self, rate: float | None) -> None:
        self.rate = rate
        self.lock = threading.Lock()
        self.next_free = time.monotonic()

    def take(self, n: int) -> None:
        if not self.rate:
            return
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_free)
            self.next_free = start + n / self.rate
            wait = self.next_free - now
        if wait > 0:
            time.sleep(wait)


class FlakyLink:
    def __init__(
        self,
        target_port: int,
        *,
        rate: float | None = None,  # bytes/s each way (None: unlimited)
        cut_probability: float = 0.0,  # chance that an upload connection is cut …
        cut_max_bytes: int = 64 * 1024,  # … after a random number of bytes up to this
        drop_every: float | None = None,  # seconds: every connection dropped at this period
        seed: int = 1,
    ) -> None:
        self.target = ("127.0.0.1", target_port)
        self.up, self.down = _Bucket(rate), _Bucket(rate)
        self.cut_probability, self.cut_max_bytes = cut_probability, cut_max_bytes
        self.drop_every = drop_every
        self.rng = random.Random(seed)
        self.rng_lock = threading.Lock()
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.port = self.server.getsockname()[1]
        self.open: set[socket.socket] = set()
        self.lock = threading.Lock()
        self.cuts = 0
        self.stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()
        if drop_every:
            threading.Thread(target=self._dropper, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _close(self, *socks: socket.socket) -> None:
        for s in socks:
            with self.lock:
                self.open.discard(s)
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def _dropper(self) -> None:
        assert self.drop_every
        while not self.stopped.wait(self.drop_every):
            with self.lock:
                victims = list(self.open)
            if victims:
                self.cuts += 1
            self._close(*victims)

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open.update((client, upstream))
            budget = None
            with self.rng_lock:
                if self.rng.random() < self.cut_probability:
                    budget = self.rng.randint(1, self.cut_max_bytes)
            threading.Thread(
                target=self._pump, args=(client, upstream, self.up, budget), daemon=True
            ).start()
            threading.Thread(
                target=self._pump, args=(upstream, client, self.down, None), daemon=True
            ).start()

    def _pump(
        self, src: socket.socket, dst: socket.socket, bucket: _Bucket, budget: int | None
    ) -> None:
        try:
            while True:
                data = src.recv(4096)
                if not data:
                    break
                if budget is not None:
                    if len(data) >= budget:
                        bucket.take(budget)
                        dst.sendall(data[:budget])
                        self.cuts += 1
                        break
                    budget -= len(data)
                bucket.take(len(data))
                dst.sendall(data)
        except OSError:
            pass
        self._close(src, dst)

    def stop(self) -> None:
        self.stopped.set()
        self.server.close()
        with self.lock:
            victims = list(self.open)
        self._close(*victims)
