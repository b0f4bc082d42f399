"""Hand pre-built messages to an open SMTP session, pipelining when the server allows.

`smtplib.SMTP.sendmail` waits for a reply after every command: MAIL, RCPT, DATA, then
the message — four round trips per reader, each one a wake-up of both processes. Servers
that advertise PIPELINING (RFC 2920; Postfix, Exim and the providers' relays do) take
MAIL, RCPT and DATA in one write, which halves the round trips. Without it, this falls
back to `sendmail`. Either way a refusal raises smtplib's own exceptions, as `sendmail`
would, so the sender classifies failures the same way.
"""

from __future__ import annotations

import contextlib
import smtplib

END_OF_DATA = b".\r\n"


def dot_stuff(data: bytes) -> bytes:
    """Escape lines that start with a dot (RFC 5321 4.5.2) and end the data with CRLF."""
    if data.startswith(b"."):
        data = b"." + data
    data = data.replace(b"\r\n.", b"\r\n..")
    return data if data.endswith(b"\r\n") else data + b"\r\n"


def send_prepared(session: smtplib.SMTP, sender: str, recipient: str, data: bytes) -> None:
    """Send one message (`data`: CRLF line endings) from bare address `sender` to `recipient`."""
    session.ehlo_or_helo_if_needed()
    if not session.has_extn("pipelining"):
        session.sendmail(sender, [recipient], data)
        return
    body = " BODY=8BITMIME" if session.has_extn("8bitmime") and not data.isascii() else ""
    session.send(f"MAIL FROM:<{sender}>{body}\r\nRCPT TO:<{recipient}>\r\nDATA\r\n".encode())
    # Every reply must be read, even after a refusal, to keep the replies in step.
    mail_code, mail_reply = session.getreply()
    rcpt_code, rcpt_reply = session.getreply()
    data_code, data_reply = session.getreply()
    if mail_code != 250 or rcpt_code not in (250, 251):
        if data_code == 354:
            # A server should refuse DATA without a recipient; if one did not, end the
            # (empty) message without sending anything.
            session.send(END_OF_DATA)
            session.getreply()
        if mail_code != 250:
            _abandon(session, mail_code)
            raise smtplib.SMTPSenderRefused(mail_code, mail_reply, sender)
        _abandon(session, rcpt_code)
        raise smtplib.SMTPRecipientsRefused({recipient: (rcpt_code, rcpt_reply)})
    if data_code != 354:
        _abandon(session, data_code)
        raise smtplib.SMTPDataError(data_code, data_reply)
    session.send(dot_stuff(data) + END_OF_DATA)
    code, reply = session.getreply()
    if code != 250:
        _abandon(session, code)
        raise smtplib.SMTPDataError(code, reply)


def _abandon(session: smtplib.SMTP, code: int) -> None:
    """Reset the transaction after a refusal, or close when the server is going away (421)."""
    if code == 421:
        session.close()
        return
    with contextlib.suppress(smtplib.SMTPServerDisconnected):
        session.rset()
