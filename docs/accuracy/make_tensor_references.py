#!/usr/bin/env python3
"""Reference values of the point-evaluated and cell-averaged prism tensors in high precision (mpmath).

Writes the CSV test resources used by solver's TensorReferenceTest:
  point-tensor-references.csv   x,y,z,sx,sy,sz,Nxx,Nyy,Nzz,Nxy,Nxz,Nyz   (40 digits)
  newell-tensor-references.csv  x,y,z,dx,dy,dz,Nxx,...                  (50 digits)
Lengths are scaled so the largest side is 1. Needs Python 3 and mpmath; deterministic (fixed seed).
Usage: python3 docs/accuracy/make_tensor_references.py solver/src/test/resources/org/hypermag/solver/demag
"""
import math
import random
import sys

import mpmath as mp


def point_tensor(x, y, z, a, b, c):
    """Closed form of the point tensor (half sides a, b, c), evaluated in mpmath."""
    nxx = nyy = nzz = nxy = nxz = nyz = mp.mpf(0)
    for sx in (1, -1):
        for sy in (1, -1):
            for sz in (1, -1):
                X, Y, Z = x - sx * a, y - sy * b, z - sz * c
                R = mp.sqrt(X * X + Y * Y + Z * Z)
                s = sx * sy * sz
                nxx += s * (mp.atan(Y * Z / (X * R)) if X != 0 else 0)
                nyy += s * (mp.atan(X * Z / (Y * R)) if Y != 0 else 0)
                nzz += s * (mp.atan(X * Y / (Z * R)) if Z != 0 else 0)
                nxy += s * mp.log(Z + R)
                nxz += s * mp.log(Y + R)
                nyz += s * mp.log(X + R)
    f = 1 / (4 * mp.pi)
    return [-f * nxx, -f * nyy, -f * nzz, f * nxy, f * nxz, f * nyz]


def newell_f(x, y, z):
    x, y, z = abs(x), abs(y), abs(z)
    R = mp.sqrt(x * x + y * y + z * z)
    v = (2 * x * x - y * y - z * z) * R / 6
    if x * x + z * z > 0:
        v += y / 2 * (z * z - x * x) * mp.asinh(y / mp.sqrt(x * x + z * z))
    if x * x + y * y > 0:
        v += z / 2 * (y * y - x * x) * mp.asinh(z / mp.sqrt(x * x + y * y))
    if x * R > 0:
        v -= x * y * z * mp.atan(y * z / (x * R))
    return v


def newell_g(x, y, z):
    sign = (1 if x >= 0 else -1) * (1 if y >= 0 else -1)
    x, y, z = abs(x), abs(y), abs(z)
    R = mp.sqrt(x * x + y * y + z * z)
    v = -x * y * R / 3
    if x * x + y * y > 0:
        v += x * y * z * mp.asinh(z / mp.sqrt(x * x + y * y))
    if y * y + z * z > 0:
        v += y / 6 * (3 * z * z - y * y) * mp.asinh(x / mp.sqrt(y * y + z * z))
    if x * x + z * z > 0:
        v += x / 6 * (3 * z * z - x * x) * mp.asinh(y / mp.sqrt(x * x + z * z))
    if z * R > 0:
        v -= z ** 3 / 6 * mp.atan(x * y / (z * R))
    if y * R > 0:
        v -= z * y * y / 2 * mp.atan(x * z / (y * R))
    if x * R > 0:
        v -= z * x * x / 2 * mp.atan(y * z / (x * R))
    return sign * v


def newell(X, Y, Z, dx, dy, dz):
    w = {0: 2, 1: -1, -1: -1}
    out = [mp.mpf(0)] * 6
    for i in (-1, 0, 1):
        for j in (-1, 0, 1):
            for k in (-1, 0, 1):
                q = w[i] * w[j] * w[k]
                x, y, z = X + i * dx, Y + j * dy, Z + k * dz
                out[0] += q * newell_f(x, y, z)
                out[1] += q * newell_f(y, x, z)
                out[2] += q * newell_f(z, y, x)
                out[3] += q * newell_g(x, y, z)
                out[4] += q * newell_g(x, z, y)
                out[5] += q * newell_g(y, z, x)
    return [o / (4 * mp.pi * dx * dy * dz) for o in out]


def sides(rnd, aspect):
    """Largest side 1, smallest 1/aspect, middle one in between; axes shuffled."""
    s = [1.0, rnd.uniform(1 / aspect, 1.0), 1.0 / aspect]
    rnd.shuffle(s)
    return s


def direction(rnd):
    v = [rnd.gauss(0, 1) for _ in range(3)]
    n = math.sqrt(sum(q * q for q in v))
    return [q / n for q in v]


def fmt(v, digits):
    return mp.nstr(v, digits, min_fixed=0, max_fixed=0) if v != 0 else "0"


def main(outdir):
    rnd = random.Random(20261123)
    mp.mp.dps = 40
    rows = []
    for aspect in (1, 3, 10, 30, 100):
        for _ in range(12):  # inside
            s = sides(rnd, aspect)
            p = [rnd.uniform(-0.49, 0.49) * q for q in s]
            rows.append((p, s))
        for _ in range(48):  # outside, distances log-uniform from 0.05 to 1e5 sizes from the centre
            s = sides(rnd, aspect)
            while True:
                t = 10 ** rnd.uniform(math.log10(0.3), 5)
                p = [t * q for q in direction(rnd)]
                if any(abs(p[k]) > 0.5 * s[k] * 1.001 for k in range(3)):
                    break
            rows.append((p, s))
    with open(f"{outdir}/point-tensor-references.csv", "w") as f:
        f.write("# point-evaluated prism tensor, 40-digit mpmath closed form (docs/accuracy/make_tensor_references.py)\n")
        f.write("x,y,z,sx,sy,sz,Nxx,Nyy,Nzz,Nxy,Nxz,Nyz\n")
        for p, s in rows:
            n = point_tensor(*[mp.mpf(q) for q in p], *[mp.mpf(q) / 2 for q in s])
            f.write(",".join([repr(q) for q in p + s] + [fmt(v, 20) for v in n]) + "\n")

    mp.mp.dps = 50
    rows = []
    for aspect in (1, 3, 10, 30):
        for _ in range(6):  # lattice neighbours
            s = sides(rnd, aspect)
            o = [rnd.randint(-2, 2) * q for q in s]
            rows.append((o, s))
        for _ in range(30):  # continuous offsets, 0.05 to 2000 largest sides
            s = sides(rnd, aspect)
            t = 10 ** rnd.uniform(math.log10(0.05), math.log10(2000))
            rows.append(([t * q for q in direction(rnd)], s))
    with open(f"{outdir}/newell-tensor-references.csv", "w") as f:
        f.write("# cell-averaged (Newell) tensor, 50-digit mpmath (docs/accuracy/make_tensor_references.py)\n")
        f.write("x,y,z,dx,dy,dz,Nxx,Nyy,Nzz,Nxy,Nxz,Nyz\n")
        for o, s in rows:
            n = newell(*[mp.mpf(q) for q in o], *[mp.mpf(q) for q in s])
            f.write(",".join([repr(q) for q in o + s] + [fmt(v, 20) for v in n]) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
