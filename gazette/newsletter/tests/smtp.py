"""A real SMTP server (aiosmtpd) on 127.0.0.1 for tests and benchmarks."""

from __future__ import annotations

import socket
import threading
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RecordingHandler:
    """Keeps every message; can answer 451 to the next N recipients or messages.

    With `pipelining`, it advertises PIPELINING (RFC 2920) as Postfix and Exim do;
    aiosmtpd reads commands in order from its stream, so it serves pipelined clients.
    """

    def __init__(self, keep: bool = True, pipelining: bool = False):
        self.keep = keep
        self.pipelining = pipelining
        self.messages = []
        self.raw = []  # the bytes as they arrived, beside the parsed messages
        self.count = 0
        self.lock = threading.Lock()
        self.fail_rcpt = 0  # answer 451 to this many RCPT commands
        self.fail_data = 0  # answer 451 to this many DATA commands
        self.refuse = set()  # addresses answered with 550

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            if address in self.refuse:
                return "550 5.1.1 No such mailbox here"
            if self.fail_rcpt > 0:
                self.fail_rcpt -= 1
                return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.fail_data > 0:
                self.fail_data -= 1
                return "451 4.3.0 Busy, try again later"
            self.count += 1
            if self.keep:
                self.raw.append(envelope.original_content or envelope.content)
                self.messages.append(
                    (
                        list(envelope.rcpt_tos),
                        message_from_bytes(envelope.content, policy=policy.default),
                    )
                )
        return "250 Message accepted for delivery"

    def to(self, address: str):
        return [msg for rcpts, msg in self.messages if address in rcpts]


def start_server(
    keep: bool = True, pipelining: bool = False
) -> tuple[Controller, RecordingHandler]:
    handler = RecordingHandler(keep=keep, pipelining=pipelining)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, handler
