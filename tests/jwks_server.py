#!/usr/bin/env python3
"""A loopback HTTP server for tests/sources_integration.sh: serves DIR on
127.0.0.1 at a free port, prints the port on stdout, appends each request
line to DIR/requests.log, and exits after SECONDS (a bounded helper).
Paths under /cc/ are served with "Cache-Control: no-cache, Max-Age=60".
Usage: jwks_server.py DIR SECONDS"""
import http.server, os, sys, threading

def main():
    directory, seconds = sys.argv[1], float(sys.argv[2])
    log = os.path.join(directory, "requests.log")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=directory, **kw)
        def end_headers(self):
            # /cc/...: a response with a Cache-Control max-age (mixed case,
            # after another directive) for the fetcher's header parser
            if self.path.startswith("/cc/"):
                self.send_header("Cache-Control", "no-cache, Max-Age=60")
            super().end_headers()
        def log_error(self, fmt, *args):
            pass   # send_error also logs the request: one line per request
        def log_message(self, fmt, *args):
            with open(log, "a") as f:
                f.write(self.requestline + "\n")

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(srv.server_address[1], flush=True)
    threading.Timer(seconds, srv.shutdown).start()
    srv.serve_forever()

if __name__ == "__main__":
    main()
