"""Writes to a store in a loop for the crash test; prints a line after each call returns.

Usage: ``python store_writer.py DB CATALOGUE REPORT_ID``. Prints ``ready`` once the
store is open, then ``value N`` after ``set_value`` of N returned and ``text N``
after ``set_text`` returned, until killed.
"""

import sys
from pathlib import Path

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.store import Store

VALUE = "tthc.ho_so.moi"
TEXT = "tthc.ket_qua"


def main(db: str, catalogue: str, report_id: str) -> None:
    with Store.open(Path(db), load_catalogue(Path(catalogue))) as store:
        number = int(report_id)
        counter = int(store.load(number).values.get(VALUE, 0))
        print("ready", flush=True)
        while True:
            counter += 1
            store.set_value(number, VALUE, counter)
            print(f"value {counter}", flush=True)
            store.set_text(number, TEXT, f"Lần ghi {counter}")
            print(f"text {counter}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
