"""Run every benchmark: ``python -m benchmarks`` (``make bench``).

Each prints its own measurements and the ratio against a floor measured in the
same run; none is part of the test suite.
"""

import importlib

BENCHMARKS = [
    "benchmarks.bench_store",
    "benchmarks.bench_checks",
    "benchmarks.bench_text",
    "benchmarks.bench_startup",
    "benchmarks.bench_pdf",
    "benchmarks.bench_province",
]

for name in BENCHMARKS:
    print(f"== {name}")
    importlib.import_module(name).run()
