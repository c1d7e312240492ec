#!/usr/bin/env python3
"""Benchmark runner: times krait, CPython (/usr/bin/python3) and PyPy (if installed).

Usage (from anywhere):

    /usr/bin/python3 benches/run.py [--rounds N] [--krait PATH] [--json FILE] [programs...]

Without --krait the runner builds krait first (`cargo build --release -p krait`) and uses
target/release/krait. Every program's output must equal CPython's, otherwise the program is
reported as MISMATCH for that interpreter and is not timed for it. Interpreters are timed in
alternating order, round after round, and the table shows per-program medians, the ratios
krait/cpython and pypy/cpython (lower is faster), and their geometric means.
"""

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS_DIR = os.path.join(HERE, "programs")
DEFAULT_CPYTHON = "/usr/bin/python3"


def list_programs():
    return sorted(f[:-3] for f in os.listdir(PROGRAMS_DIR)
                  if f.endswith(".py") and not f.startswith("_"))


def build_krait():
    print("building krait (cargo build --release -p krait) ...", file=sys.stderr, flush=True)
    subprocess.run(["cargo", "build", "--release", "-p", "krait"], cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    if not os.path.isabs(target):
        target = os.path.join(ROOT, target)
    path = os.path.join(target, "release", "krait")
    if not os.path.exists(path):
        sys.exit("error: build finished but %s does not exist" % path)
    return path


def run(cmd, timeout):
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out after %ss" % timeout, None
    elapsed = time.perf_counter() - start
    return proc, None, elapsed


def describe_failure(proc, err):
    if err:
        return err
    tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
    return "exit status %d%s" % (proc.returncode, (": " + " | ".join(tail)) if tail else "")


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_time(t):
    return "%.3f" % t if t is not None else "-"


def fmt_ratio(r):
    return "%.2fx" % r if r is not None else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("programs", nargs="*", help="program names (default: all in benches/programs)")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds per interpreter (default 5)")
    ap.add_argument("--krait", help="krait binary to use instead of building target/release/krait")
    ap.add_argument("--cpython", default=DEFAULT_CPYTHON, help="reference CPython (default %(default)s)")
    ap.add_argument("--pypy", default=None, help="PyPy binary (default: pypy3 on PATH, if any)")
    ap.add_argument("--no-pypy", action="store_true", help="do not time PyPy even if installed")
    ap.add_argument("--timeout", type=float, default=300.0, help="per-run timeout in seconds")
    ap.add_argument("--json", metavar="FILE", help="write all timings and results to FILE")
    args = ap.parse_args()
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")

    available = list_programs()
    programs = [p[:-3] if p.endswith(".py") else p for p in args.programs] or available
    unknown = [p for p in programs if p not in available]
    if unknown:
        ap.error("unknown program(s): %s (available: %s)" % (", ".join(unknown), ", ".join(available)))

    if not os.path.exists(args.cpython):
        sys.exit("error: reference CPython %s not found" % args.cpython)
    krait = os.path.abspath(args.krait) if args.krait else build_krait()
    interpreters = [("krait", krait), ("cpython", args.cpython)]
    pypy = None if args.no_pypy else (args.pypy or shutil.which("pypy3"))
    if pypy:
        interpreters.append(("pypy", pypy))

    print("interpreters: " + ", ".join("%s=%s" % kv for kv in interpreters), file=sys.stderr)

    # Correctness first: each interpreter's output must equal CPython's.
    expected = {}
    status = {}  # (interp, program) -> "ok" or a failure description
    for prog in programs:
        path = os.path.join("benches", "programs", prog + ".py")
        proc, err, _ = run([args.cpython, path], args.timeout)
        if err or proc.returncode != 0:
            sys.exit("error: CPython failed on %s: %s" % (prog, describe_failure(proc, err)))
        expected[prog] = proc.stdout
        status[("cpython", prog)] = "ok"
        for name, exe in interpreters:
            if name == "cpython":
                continue
            proc, err, _ = run([exe, path], args.timeout)
            if err or proc.returncode != 0:
                status[(name, prog)] = "MISMATCH (%s)" % describe_failure(proc, err)
            elif proc.stdout != expected[prog]:
                status[(name, prog)] = "MISMATCH (output differs from CPython)"
            else:
                status[(name, prog)] = "ok"
            if status[(name, prog)] != "ok":
                print("%s: %s %s" % (prog, name, status[(name, prog)]), file=sys.stderr)

    # Timed rounds, alternating interpreters and rotating the order every round.
    times = {(name, prog): [] for name, _ in interpreters for prog in programs}
    for rnd in range(args.rounds):
        for prog in programs:
            path = os.path.join("benches", "programs", prog + ".py")
            order = interpreters[rnd % len(interpreters):] + interpreters[:rnd % len(interpreters)]
            for name, exe in order:
                if status[(name, prog)] != "ok":
                    continue
                proc, err, elapsed = run([exe, path], args.timeout)
                if err or proc.returncode != 0 or proc.stdout != expected[prog]:
                    status[(name, prog)] = "MISMATCH (%s)" % (
                        describe_failure(proc, err) if (err or proc.returncode) else "output changed between runs")
                    continue
                times[(name, prog)].append(elapsed)
        print("round %d/%d done" % (rnd + 1, args.rounds), file=sys.stderr, flush=True)

    medians = {k: (statistics.median(v) if v else None) for k, v in times.items()}
    names = [n for n, _ in interpreters]
    header = ["program"] + ["%s (s)" % n for n in names] + ["krait/cpython"]
    if pypy:
        header.append("pypy/cpython")
    rows = []
    ratios = {"krait": [], "pypy": []}
    results = {}
    for prog in programs:
        base = medians[("cpython", prog)]
        row = [prog]
        entry = {}
        for n in names:
            m = medians[(n, prog)]
            row.append(fmt_time(m) if status[(n, prog)] == "ok" else "MISMATCH")
            entry[n] = {"status": status[(n, prog)], "times": times[(n, prog)], "median": m}
        for n in (["krait", "pypy"] if pypy else ["krait"]):
            m = medians[(n, prog)]
            r = m / base if (m is not None and base and status[(n, prog)] == "ok") else None
            ratios[n].append(r)
            entry[n]["ratio_to_cpython"] = r
            row.append(fmt_ratio(r) if status[(n, prog)] == "ok" else "MISMATCH")
        rows.append(row)
        results[prog] = entry
    gm = {"krait": geomean(ratios["krait"])}
    footer = ["geometric mean"] + [""] * len(names) + [fmt_ratio(gm["krait"])]
    if pypy:
        gm["pypy"] = geomean(ratios["pypy"])
        footer.append(fmt_ratio(gm["pypy"]))
    rows.append(footer)

    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    def line(cells):
        return "  ".join(str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i])
                         for i, c in enumerate(cells))
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for r in rows[:-1]:
        print(line(r))
    print("  ".join("-" * w for w in widths))
    print(line(rows[-1]))
    print("(median of %d rounds; ratios below 1.00x are faster than CPython)" % args.rounds)

    if args.json:
        data = {
            "rounds": args.rounds,
            "interpreters": dict(interpreters),
            "machine": {"platform": platform.platform(), "processor": platform.machine(),
                        "cpus": os.cpu_count()},
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "results": results,
            "geometric_mean": gm,
        }
        with open(args.json, "w") as f:
            json.dump(data, f, indent=2, sort_keys=True)
            f.write("\n")
        print("wrote %s" % args.json, file=sys.stderr)

    mismatches = [k for k, v in status.items() if v != "ok" and k[0] != "pypy"]
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
