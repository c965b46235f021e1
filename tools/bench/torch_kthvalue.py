#!/usr/bin/env python3
"""PyTorch peer of `smc-bench bench threshold`: times torch.kthvalue on the same scores.

Reads N float32 values (raw little-endian, as the Java side wrote them), times
torch.kthvalue(x, k + 1) -- k is 0-based like ExactKth, kthvalue's rank is 1-based -- once as a
warm-up and then `--repeats` times, and prints ONE JSON line on stdout:

  {"torch": "1.13.0a0", "threads": 2, "blas": "...", "n": N, "k": k,
   "value_bits": <uint32 bits of the float32 result>, "ms": <median>, "runs_ms": [...],
   "peak_rss_mb": ...}

Diagnostics (BLAS, threads) go to stderr. Exit code 3 means PyTorch is not importable.
Only the kthvalue call is timed (not the file read). kthvalue does not call BLAS; the BLAS line is
there to say which build is being compared.

Run with Debian's PyTorch:  /usr/bin/python3 tools/bench/torch_kthvalue.py --file F --n N --k K
"""
import argparse
import ctypes
import json
import re
import resource
import statistics
import struct
import sys
import time

import numpy as np

try:
    import torch
except ImportError as e:  # the Java side reports this and carries on without the peer
    print(f"torch_kthvalue: PyTorch not importable: {e}", file=sys.stderr)
    sys.exit(3)


def blas_in_use():
    """The BLAS the build declares, the BLAS libraries mapped in this process, OpenBLAS's threads."""
    declared = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    mapped = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if re.search(r"blas|mkl", path.rsplit("/", 1)[-1]):
                mapped.add(path)
    text = f"BLAS_INFO={declared.group(1) if declared else 'unknown'}; loaded: " + (
        ", ".join(sorted(p.rsplit("/", 1)[-1] for p in mapped)) or "none")
    for path in sorted(mapped):
        if "openblas" in path:
            try:
                lib = ctypes.CDLL(path)
                lib.openblas_get_config.restype = ctypes.c_char_p
                text += (f"; {lib.openblas_get_config().decode().strip()}, "
                         f"{lib.openblas_get_num_threads()} threads")
            except (OSError, AttributeError):
                pass
            break
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", required=True, help="raw little-endian float32 values")
    ap.add_argument("--n", type=int, required=True, help="number of values in the file")
    ap.add_argument("--k", type=int, required=True, help="0-based rank (kthvalue gets k + 1)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)  # Debian's build defaults to 1 thread here
    blas = blas_in_use()
    print(f"torch_kthvalue: torch {torch.__version__}, intra-op threads {torch.get_num_threads()}, "
          f"{blas}", file=sys.stderr)

    values = np.fromfile(args.file, dtype="<f4")
    if values.size != args.n:
        sys.exit(f"torch_kthvalue: {args.file} holds {values.size} values, expected {args.n}")
    if not 0 <= args.k < args.n:
        sys.exit(f"torch_kthvalue: k = {args.k} outside [0, {args.n})")
    x = torch.from_numpy(values)  # shares the array: no copy outside the timed call

    def run():
        start = time.perf_counter()
        result = torch.kthvalue(x, args.k + 1)
        return (time.perf_counter() - start) * 1000.0, result.values.item()

    run()  # warm-up
    runs = [run() for _ in range(args.repeats)]
    value = runs[-1][1]
    bits = struct.unpack("<I", struct.pack("<f", value))[0]  # .item() is the float32 widened exactly
    print(json.dumps({
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "blas": blas,
        "n": args.n,
        "k": args.k,
        "value_bits": bits,
        "ms": statistics.median(ms for ms, _ in runs),
        "runs_ms": [round(ms, 3) for ms, _ in runs],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }))


if __name__ == "__main__":
    main()
