# Printing str() and repr() of values of every common type, including nested containers.

values = [
    0, 1, -1, 255, 2 ** 64, -(2 ** 100), True, False, None,
    0.0, -0.0, 1.0, 1.5, -2.25, 1e100, 1e-100, 3.0e8,
    "", "plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
    "é ü 日本 😀", "\x00\x1f\x7f", "\u200b", b"", b"bytes", b"\x00\xff'\"", bytearray(b"ba"),
    [], [1, [2, [3, []]]], (), (1,), (1, 2), ((),), {}, {"a": 1, "b": [1, 2]},
    {1: {2: {3: None}}}, set(), {1}, frozenset(), frozenset({2}),
    range(5), range(1, 10, 3), slice(1, 2), slice(None, None, -1),
    Ellipsis, NotImplemented, int, str, type, object, ValueError,
    ValueError("v"), KeyError("k"), OSError(2, "No such file"), StopIteration(5),
    [None, True, 1.0, "s", b"b", (2,), {"k": "v"}],
]

for v in values:
    print(type(v).__name__, "|", str(v), "|", repr(v))

nested = {"list": [1, 2.5, "three", None], "tuple": (True, False), "dict": {"x": {"y": {"z": []}}}}
print(nested)
print([nested, nested["tuple"]])

rec = [1, 2]
rec.append(rec)
print(rec)
d = {"self": None}
d["self"] = d
print(d)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)

p = Point(1, "two")
print(p, repr(p), [p], (p,), {"p": p})
print(str([p]), "%s %r" % (p, p), f"{p} {p!r}")
print(Point, Point.__name__, Point.__qualname__)
print(print, len)
print(repr(""), repr("'"), repr('"'), repr("'\""))
print(ascii("é😀"), ascii([b"x", "ü"]))
print(*"abc", sep="|")
print()
print("end")
