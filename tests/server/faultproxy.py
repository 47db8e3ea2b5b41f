"""A TCP proxy the tests control, between a PC's sync client and mpp-central on loopback.

Every connection is forwarded byte for byte in both directions. A rule picks a request by its path
(the request line a client sends on the connection, HTTP/1.1 without pipelining as httpx speaks it)
and hurts the answer to it, or the request itself:

- ``cut``: the request reaches the server whole; the answer is dropped and both sides are closed
  (the network gone after the request was sent: the server did the work, the PC never hears of it);
- ``cut_after=N``: the first N bytes of the answer go through, then both sides are closed
  (the network gone in the middle of a page);
- ``delay=S``: the answer is held S seconds before it goes on (slower than the client's timeout);
- ``hold_request=S``: the request itself is held S seconds before it reaches the server.

A rule lets ``skip`` matching requests through, then fires ``times`` times (then the proxy is a plain wire again); ``fired`` counts them.
``offline()`` refuses every new connection and closes the open ones; ``online()`` undoes it.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from dataclasses import dataclass, field

REQUEST_LINE = re.compile(rb"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+) HTTP/1\.[01]\r\n")


@dataclass
class Rule:
    path: str
    cut: bool = False
    cut_after: int | None = None
    delay: float = 0.0
    hold_request: float = 0.0
    times: int = 1
    skip: int = 0  # let this many matching requests through untouched first
    fired: int = 0
    seen: int = 0

    def take(self, path: str) -> bool:
        if path.split("?", 1)[0] != self.path or self.fired >= self.times:
            return False
        self.seen += 1
        if self.seen <= self.skip:
            return False
        self.fired += 1
        return True


@dataclass
class _Conn:
    client: socket.socket
    upstream: socket.socket
    path: str = ""  # the path of the request the connection is on
    rule: Rule | None = None  # the rule that took this request, if any
    answered: int = 0  # bytes of the current answer passed on
    closed: threading.Event = field(default_factory=threading.Event)

    def close(self) -> None:
        self.closed.set()
        for s in (self.client, self.upstream):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


class FaultProxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.rules: list[Rule] = []
        self.requests: list[str] = []  # "METHOD PATH" of every request seen, in order
        self._lock = threading.Lock()
        self._conns: list[_Conn] = []
        self._offline = False
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True, name="faultproxy-accept").start()

    # -- control ----------------------------------------------------------------------------------

    def add(self, rule: Rule) -> Rule:
        with self._lock:
            self.rules.append(rule)
        return rule

    def offline(self) -> None:
        with self._lock:
            self._offline = True
            conns, self._conns = self._conns, []
        for c in conns:
            c.close()

    def online(self) -> None:
        with self._lock:
            self._offline = False

    def close(self) -> None:
        self._stopped = True
        self.offline()
        self._listener.close()

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the wire ---------------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stopped:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                refuse = self._offline
            if refuse:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            conn = _Conn(client, upstream)
            with self._lock:
                self._conns.append(conn)
            threading.Thread(target=self._client_to_server, args=(conn,), daemon=True).start()
            threading.Thread(target=self._server_to_client, args=(conn,), daemon=True).start()

    def _client_to_server(self, conn: _Conn) -> None:
        try:
            while not conn.closed.is_set():
                data = conn.client.recv(65536)
                if not data:
                    break
                found = REQUEST_LINE.match(data)
                if found:
                    path = found.group(2).decode()
                    with self._lock:
                        self.requests.append(f"{found.group(1).decode()} {path.split('?', 1)[0]}")
                        rule = next((r for r in self.rules if r.take(path)), None)
                    conn.path, conn.rule, conn.answered = path, rule, 0
                    if rule is not None and rule.hold_request:
                        time.sleep(rule.hold_request)
                conn.upstream.sendall(data)
        except OSError:
            pass
        finally:
            conn.close()

    def _server_to_client(self, conn: _Conn) -> None:
        try:
            while not conn.closed.is_set():
                data = conn.upstream.recv(65536)
                if not data:
                    break
                rule = conn.rule
                if rule is not None:
                    if rule.cut:
                        break
                    if rule.delay and conn.answered == 0:
                        time.sleep(rule.delay)
                    if rule.cut_after is not None:
                        room = rule.cut_after - conn.answered
                        if room <= 0:
                            break
                        if len(data) > room:
                            conn.client.sendall(data[:room])
                            break
                conn.answered += len(data)
                conn.client.sendall(data)
        except OSError:
            pass
        finally:
            conn.close()
