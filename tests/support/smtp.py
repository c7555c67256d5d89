"""A mail server on loopback for the worker's tests: it speaks enough SMTP for Django's backend,
keeps every mail it accepted, can be down (nothing listens), and can stall on a mail (it reads
the mail but never says it took it) so a test can kill the sender mid-send."""

import email
import socketserver
import threading

from tests.support.servers import free_port


class SmtpSink:
    def __init__(self):
        self.port = free_port()
        self.messages = []
        self.stalling = False
        self.stalled = threading.Event()  # a mail came in while stalling
        self._release = threading.Event()
        self._server = None
        self._lock = threading.Lock()

    def env(self):
        """What the site's settings need to send here."""
        return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.port), "EMAIL_USE_TLS": "0"}

    def start(self):
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def reply(self, line):
                self.wfile.write(line.encode() + b"\r\n")
                self.wfile.flush()

            def handle(self):
                self.reply("220 sink")
                while line := self.rfile.readline():
                    verb = line[:4].upper()
                    if verb in (b"EHLO", b"HELO"):
                        self.reply("250 sink")
                    elif verb == b"DATA":
                        self.reply("354 go on")
                        data = []
                        while (part := self.rfile.readline()) not in (b".\r\n", b""):
                            data.append(part[1:] if part.startswith(b"..") else part)
                        if sink.stalling:
                            sink.stalled.set()
                            sink._release.wait(60)
                            return  # hang up without a word: the mail was never taken
                        with sink._lock:
                            sink.messages.append(email.message_from_bytes(b"".join(data)))
                        self.reply("250 taken")
                    elif verb == b"QUIT":
                        self.reply("221 bye")
                        return
                    else:  # MAIL, RCPT, RSET, NOOP
                        self.reply("250 ok")

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

        self._server = Server(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stall(self):
        self.stalled.clear()
        self._release.clear()
        self.stalling = True

    def unstall(self):
        self.stalling = False
        self._release.set()

    def stop(self):
        self._release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def received(self):
        with self._lock:
            return list(self.messages)
