"""The server's listening socket: answers leave without Nagle's delay."""

from __future__ import annotations

import asyncio
import socket

from server.runner import listening_socket


def _nodelay_of_accepted_connection(sock: socket.socket) -> int:
    """Accept one connection with asyncio (as uvicorn does) and read its TCP_NODELAY."""

    async def main() -> int:
        accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                raw = transport.get_extra_info("socket")
                accepted.set_result(raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
        host, port = sock.getsockname()[:2]
        _reader, writer = await asyncio.open_connection(host, port)
        try:
            return await asyncio.wait_for(accepted, 10)
        finally:
            writer.close()
            server.close()
            await server.wait_closed()

    return asyncio.run(main())


def test_connections_accepted_by_the_server_send_without_delay() -> None:
    # Without it every answer's body waits for the client's delayed ACK of the headers:
    # 40 ms per request on a reused connection.
    assert _nodelay_of_accepted_connection(listening_socket("127.0.0.1", 0)) != 0
