# The "float" benchmark: many Point objects built with sin/cos, normalized, then maximized.
import math

POINTS = 100000
ROUNDS = 24


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        x, y, z = self.x, self.y, self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x = x / norm
        self.y = y / norm
        self.z = z / norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best.maximize(p)
    return best


def run(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    return maximize(points)


def main():
    total = 0.0
    for r in range(ROUNDS):
        best = run(POINTS)
        total += best.x + best.y + best.z + r * 1e-3
    print("last round: %.12f %.12f %.12f" % (best.x, best.y, best.z))
    print("checksum: %.10f" % total)


main()
