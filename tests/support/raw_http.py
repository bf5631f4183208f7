"""A loopback HTTP server that writes whatever bytes it likes, when it likes, for answers that no well-behaved server
gives and LoopbackServer (which sends whole canned bodies) cannot: a body dripped one byte at a time, headers that
never end, a body far larger than the client should read. (A helper module, not a test file.)

    def answer(request: bytes, send: Send) -> None:
        send(b"HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n\\r\\n")
        send(b"hello")

    with RawHttpServer(answer) as server:
        httpx.get(server.url)
    server.sent  # bytes written, in all

`send` raises once the client has closed the connection, which ends the answer; every connection is served on its
own thread, and the server stops serving when the block ends (a handler still sending stops at its next send).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from typing import Self

Send = Callable[[bytes], None]
Handler = Callable[[bytes, Send], None]


class RawHttpServer:
    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)  # accept() wakes up this often to see whether the server stopped
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self.sent = 0
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, name="raw-http", daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stopped.set()
        self._thread.join()
        self._listener.close()

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connection.settimeout(None)
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        with connection:
            request = _read_request(connection)

            def send(data: bytes) -> None:
                if self._stopped.is_set():
                    raise ConnectionAbortedError("the server stopped")
                connection.sendall(data)
                with self._lock:
                    self.sent += len(data)

            try:
                self._handler(request, send)
            except OSError:  # the client closed the connection: the answer ends here
                pass


def _read_request(connection: socket.socket) -> bytes:
    """The request's head and body (by Content-Length)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")),
        0,
    )
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body
