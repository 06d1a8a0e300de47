#!/usr/bin/env python3
"""The Rust FFI guide's own Python ctypes code, timed with timeit, on libffi_bridge.so.

usage: ctypes_bench.py [--quick] [--lib PATH] [--json OUT.json]

The calls are the guide's (section 4, 5 and 6): ctypes.CDLL, the Person and Data
ctypes.Structure mirrors, create_person/free_person, get_data, and fill_buffer on a
preallocated numpy array through np.ctypeslib.ndpointer. add_numbers and the sum
(ffi_bridge_sum_buffer, not in the guide) are bound the same way. get_data's Data is
freed with free_data (the guide leaks it). Each figure is the mean time per call over
REPEATS timeit repeats, with a 99.9% Student-t confidence half-width, like JMH's.

--json writes the results in JMH's JSON format (benchmark names
python.CtypesBench.<op>_ctypes) so Report and Chart read them with the Java results.
"""
import argparse
import ctypes
import json
import os
import platform
import statistics
import sys
import timeit

import numpy as np

# two-sided 99.9% Student t quantiles (0.9995) by degrees of freedom
T999 = {1: 636.6, 2: 31.60, 3: 12.92, 4: 8.610, 5: 6.869, 6: 5.959, 7: 5.408, 8: 5.041, 9: 4.781}


class Person(ctypes.Structure):
    _fields_ = [
        ("age", ctypes.c_uint32),
        ("height", ctypes.c_float),
        ("name", ctypes.c_char_p),  # CString in Rust
    ]


class Data(ctypes.Structure):
    _fields_ = [("values", ctypes.c_double * 5)]


def find_lib(explicit):
    if explicit:
        return explicit
    if os.environ.get("FFIBRIDGE_LIB"):
        return os.environ["FFIBRIDGE_LIB"]
    here = os.path.dirname(os.path.abspath(__file__))
    d = here
    while True:
        candidate = os.path.join(d, "native-impl", "target", "cargo", "release", "libffi_bridge.so")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(d)
        if parent == d:
            sys.exit("libffi_bridge.so not found: build native-impl or pass --lib")
        d = parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--lib")
    ap.add_argument("--json")
    args = ap.parse_args()

    lib_path = find_lib(args.lib)
    lib = ctypes.CDLL(lib_path)

    # The guide's prototypes
    lib.add_numbers.argtypes = [ctypes.c_int, ctypes.c_int]
    lib.add_numbers.restype = ctypes.c_int
    lib.create_person.restype = ctypes.POINTER(Person)
    lib.free_person.argtypes = [ctypes.POINTER(Person)]
    lib.get_data.restype = ctypes.POINTER(Data)
    lib.free_data.argtypes = [ctypes.POINTER(Data)]
    lib.fill_buffer.argtypes = [np.ctypeslib.ndpointer(dtype=np.float64, flags="C_CONTIGUOUS"), ctypes.c_size_t]
    lib.fill_buffer.restype = None
    lib.ffi_bridge_sum_buffer.argtypes = [
        np.ctypeslib.ndpointer(dtype=np.float64, flags="C_CONTIGUOUS"),
        ctypes.c_size_t,
        ctypes.POINTER(ctypes.c_double),
    ]
    lib.ffi_bridge_sum_buffer.restype = ctypes.c_int32

    def add():
        return lib.add_numbers(2, 3)

    def person_round_trip():
        person_ptr = lib.create_person()
        if not person_ptr:
            raise RuntimeError("Failed to create Person")
        person = person_ptr.contents
        result = (person.age, person.height, person.name.decode())
        lib.free_person(person_ptr)
        return result

    def data_round_trip():
        data_ptr = lib.get_data()
        values = list(data_ptr.contents.values)
        lib.free_data(data_ptr)
        return values

    assert add() == 5
    assert person_round_trip()[2] == "Alice"
    assert data_round_trip()[4] == 5.5

    repeats = 3 if args.quick else 7
    budget = 0.1 if args.quick else 0.5  # seconds per repeat
    sizes = [16, 1024, 1048576] if args.quick else [16, 1024, 1048576, 16777216]

    def measure(fn):
        timer = timeit.Timer(fn)
        number = 1
        while True:  # like timeit.autorange, up to the time budget
            t = timer.timeit(number)
            if t >= budget / 5:
                break
            number *= 10 if t < budget / 50 else 2
        number = max(1, int(number * (budget / max(t, 1e-9))))
        timer.timeit(number)  # warm-up repeat
        per_op = [timer.timeit(number) / number * 1e9 for _ in range(repeats)]
        return per_op

    results = []

    def record(op, per_op, n=None):
        mean = statistics.fmean(per_op)
        err = T999[len(per_op) - 1] * statistics.stdev(per_op) / len(per_op) ** 0.5 if len(per_op) > 1 else float("nan")
        results.append((op, n, mean, err, per_op))
        label = op + ("" if n is None else f" n={n:,}")
        print(f"  {label:28s} {fmt(mean)} ± {fmt(err)}", flush=True)

    print(f"Python {platform.python_version()}, numpy {np.__version__}, ctypes, {lib_path}")
    record("addNumbers", measure(add))
    record("createPerson", measure(person_round_trip))
    record("getData", measure(data_round_trip))
    out = ctypes.c_double()
    for n in sizes:
        buffer = np.zeros(n, dtype=np.float64)
        record("fill", measure(lambda: lib.fill_buffer(buffer, n)), n)
        assert buffer[n - 1] == n - 1
        record("sum", measure(lambda: lib.ffi_bridge_sum_buffer(buffer, n, ctypes.byref(out))), n)
        record("numpySum", measure(lambda: buffer.sum()), n)
        del buffer

    if args.json:
        doc = []
        for op, n, mean, err, per_op in results:
            doc.append({
                "benchmark": "python.CtypesBench." + op + "_ctypes",
                "mode": "avgt",
                "forks": 1,
                "jdkVersion": "Python " + platform.python_version() + ", numpy " + np.__version__,
                "params": {} if n is None else {"n": str(n)},
                "primaryMetric": {
                    "score": mean,
                    "scoreError": err if err == err else "NaN",
                    "scorePercentiles": {
                        "0.0": min(per_op),
                        "50.0": statistics.median(per_op),
                        "100.0": max(per_op),
                    },
                    "scoreUnit": "ns/op",
                    "rawData": [per_op],
                },
                "secondaryMetrics": {},
            })
        with open(args.json, "w") as f:
            json.dump(doc, f, indent=1)
        print("wrote " + args.json)


def fmt(ns):
    if ns != ns:
        return "–"
    for unit, scale in (("ns", 1), ("µs", 1e3), ("ms", 1e6)):
        if ns < 1000 * scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns / 1e9:.3g} s"


if __name__ == "__main__":
    main()
