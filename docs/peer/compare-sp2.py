#!/usr/bin/env python3
"""Compares an OOMMF standard problem 2 table (sp2.mif's .odt) with a hypermag run's hysteresis.csv point by point,
and prints both codes' remanence and coercive field (where <m> along (1,1,1) crosses zero, linearly interpolated).

Usage: compare-sp2.py OOMMF.odt RUN_DIRECTORY/hysteresis.csv
"""
import csv
import math
import shlex
import sys

MU0 = 4e-7 * math.pi
MS = 8e5


def oommf(path):
    """(mu0 H in mT along (1,1,1), mx, my, mz) per field point."""
    cols, rows = None, []
    for line in open(path):
        if line.startswith("# Columns:"):
            cols = shlex.split(line[len("# Columns:"):].replace("{", '"').replace("}", '"'))
        elif not line.startswith("#") and line.strip():
            d = dict(zip(cols, (float(x) for x in line.split())))
            sign = 1 if d["Oxs_UZeeman::Bx"] >= 0 else -1
            rows.append((sign * d["Oxs_UZeeman::B"], d["Oxs_MinDriver::mx"], d["Oxs_MinDriver::my"],
                         d["Oxs_MinDriver::mz"]))
    return rows


def hypermag(path):
    rows = []
    for r in csv.DictReader(open(path)):
        h = [float(r[k]) for k in ("Hx", "Hy", "Hz")]
        sign = 1 if h[0] >= 0 else -1
        rows.append((sign * MU0 * math.sqrt(sum(x * x for x in h)) * 1e3, float(r["mx"]), float(r["my"]),
                     float(r["mz"])))
    return rows


def landmarks(rows):
    remanence = next(r for r in rows if abs(r[0]) < 1e-9)
    for a, b in zip(rows, rows[1:]):
        pa, pb = sum(a[1:]) / math.sqrt(3), sum(b[1:]) / math.sqrt(3)
        if a[0] < 0 and pa > 0 >= pb:
            return remanence, a[0] + (b[0] - a[0]) * pa / (pa - pb)
    return remanence, None


def main():
    o, h = oommf(sys.argv[1]), hypermag(sys.argv[2])
    if len(o) != len(h) or any(abs(x[0] - y[0]) > 1e-6 for x, y in zip(o, h)):
        sys.exit("the two runs do not have the same field points")
    worst = max(abs(x[i] - y[i]) for x, y in zip(o, h) for i in (1, 2, 3))
    print(f"{len(o)} field points; largest difference of a component of <m>: {worst:.2e}")
    for name, rows in (("OOMMF", o), ("hypermag", h)):
        rem, hc = landmarks(rows)
        print(f"{name:9s} remanence ({rem[1]:.6f}, {rem[2]:.6f}, {rem[3]:.6f})  mu0 Hc = {hc:.4f} mT  "
              f"Hc/Ms = {abs(hc) / 1e3 / (MU0 * MS):.6f}")


if __name__ == "__main__":
    main()
