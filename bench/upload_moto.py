"""The tests' moto server (moto_with_import_snapshot.py) for bench/upload.sh, which also writes one line per multipart
upload to the file BENCH_SPANS names: the key, then the seconds from the server's receipt of the upload's creation
to its answer to the completion (the transfer phase, as both clients' phases are measured the same way), the CPU
seconds moto's process used over that time, the share of the machine's CPU time that was busy (all processes), and
the seconds of the completion alone (moto joins the parts then).

Usage: BENCH_SPANS=FILE python3 upload_moto.py -H 127.0.0.1 -p PORT
"""

import importlib.util
import os
import sys
import threading
import time

_here = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    "moto_with_import_snapshot",
    os.path.join(_here, "..", "tests", "BootcImageBuilder.IntegrationTests", "Upload", "moto_with_import_snapshot.py"),
)
_spec.loader.exec_module(importlib.util.module_from_spec(_spec))

import moto.server  # noqa: E402 (after the tests' patches)

_spans_path = os.environ["BENCH_SPANS"]
_lock = threading.Lock()
_started = {}  # key -> (wall clock, moto's CPU seconds, machine's busy and total ticks)


def _machine_ticks():
    with open("/proc/stat") as stat:
        fields = [int(f) for f in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return sum(fields) - idle, sum(fields)


def _now():
    return time.monotonic(), time.process_time(), _machine_ticks()


def _timed(app):
    def wrapper(environ, start_response):
        query = environ.get("QUERY_STRING", "")
        key = environ.get("PATH_INFO", "")
        creating = environ["REQUEST_METHOD"] == "POST" and query.startswith("uploads")
        completing = environ["REQUEST_METHOD"] == "POST" and query.startswith("uploadId=")
        if creating:
            with _lock:
                _started[key] = _now()
        completion_started = time.monotonic()
        result = app(environ, start_response)
        if completing:
            body = list(result)  # the answer is made before the time is taken
            wall, cpu, (busy, total) = _now()
            with _lock:
                wall0, cpu0, (busy0, total0) = _started.pop(key, (wall, cpu, (busy, total)))
                with open(_spans_path, "a") as spans:
                    share = (busy - busy0) / max(1, total - total0)
                    spans.write(f"{key} {wall - wall0:.3f} {cpu - cpu0:.3f} {share:.2f} {wall - completion_started:.3f}\n")
            return body
        return result

    return wrapper


_run_simple = moto.server.run_simple
moto.server.run_simple = lambda host, port, app, **kwargs: _run_simple(host, port, _timed(app), **kwargs)

if __name__ == "__main__":
    moto.server.main(sys.argv[1:])
