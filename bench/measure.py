"""Running one process and measuring it: wall time (monotonic clock around fork and
wait) and peak resident memory from the kernel's rusage (ru_maxrss, KiB on Linux)."""

import os
import statistics
import subprocess
import time
from dataclasses import dataclass


@dataclass
class Run:
    seconds: float
    peak_kib: int
    code: int
    stdout: str
    stderr: str

    @property
    def peak_mb(self):
        return self.peak_kib * 1024 / 1e6


class StepFailed(Exception):
    pass


def run(cmd, *, stdin_path=None, stdout_path=None, cwd=None, check=True, out_dir="/tmp"):
    """Runs cmd (a list), waits with os.wait4 for its rusage. stdout goes to stdout_path
    when given (then not captured), else to a temporary file that is read back."""
    os.makedirs(out_dir, exist_ok=True)
    tag = f"{os.getpid()}-{time.monotonic_ns()}"
    capture = stdout_path is None
    out_path = stdout_path or os.path.join(out_dir, f".stdout-{tag}")
    err_path = os.path.join(out_dir, f".stderr-{tag}")
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            start = time.perf_counter()
            process = subprocess.Popen(cmd, stdin=stdin, stdout=out, stderr=err, cwd=cwd)
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdin_path:
            stdin.close()
    with open(err_path, "r", errors="replace") as f:
        stderr = f.read()
    os.unlink(err_path)
    stdout = ""
    if capture:
        with open(out_path, "r", errors="replace") as f:
            stdout = f.read()
        os.unlink(out_path)
    result = Run(seconds, usage.ru_maxrss, process.returncode, stdout, stderr)
    if check and result.code != 0:
        shown = " ".join(str(part) for part in cmd)
        raise StepFailed(f"exit {result.code}: {shown}\n{stderr[-2000:]}")
    return result


def median(values):
    return statistics.median(values) if values else float("nan")


def percentile(values, share):
    """Nearest-rank percentile (share in 0..1) of a list of numbers."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil
    return ordered[int(rank) - 1]


def file_bytes(*paths):
    return sum(os.path.getsize(p) for p in paths if os.path.exists(p))


def read_into_cache(*paths):
    """Reads files once so their pages are in the page cache: a database built earlier in
    the run may have been pushed out by the files written after it, and one tool must not
    start from the disk while the other starts from memory."""
    for path in paths:
        if os.path.exists(path):
            with open(path, "rb", buffering=0) as f:
                while f.read(8 << 20):
                    pass


def remove_db(path):
    # "-lock": the file `archive` takes its writer's lock on, beside the database.
    for suffix in ("", "-wal", "-shm", "-journal", "-lock"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
