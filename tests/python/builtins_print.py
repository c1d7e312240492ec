# print(): sep, end, file, flush; output captured through a file-like object.
import sys

class Capture:
    def __init__(self):
        self.parts = []
        self.flushed = 0
    def write(self, s):
        assert type(s) is str
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.flushed += 1
    def text(self):
        return "".join(self.parts)

c = Capture()
print("a", "b", 1, None, file=c)
assert c.text() == "a b 1 None\n"

c = Capture()
print(file=c)
assert c.text() == "\n"

c = Capture()
print("x", "y", sep="", end="", file=c)
assert c.text() == "xy"

c = Capture()
print(1, 2, 3, sep=", ", end=".\n", file=c)
assert c.text() == "1, 2, 3.\n"

c = Capture()
print("a", "b", sep=None, end=None, file=c)
assert c.text() == "a b\n"

c = Capture()
print([1, "s"], {"k": (1.5,)}, file=c)
assert c.text() == "[1, 's'] {'k': (1.5,)}\n"

class Obj:
    def __str__(self):
        return "STR"
    def __repr__(self):
        return "REPR"
c = Capture()
print(Obj(), [Obj()], file=c)
assert c.text() == "STR [REPR]\n"

c = Capture()
print("no flush", file=c)
assert c.flushed == 0
print("flush", file=c, flush=True)
assert c.flushed == 1

# sep/end must be strings or None.
try:
    print("a", sep=5, file=Capture())
except TypeError as e:
    assert str(e) == "sep must be None or a string, not int", str(e)
else:
    raise AssertionError
try:
    print("a", end=[], file=Capture())
except TypeError as e:
    assert str(e) == "end must be None or a string, not list", str(e)
else:
    raise AssertionError
try:
    print("a", file=5)
except AttributeError as e:
    assert str(e) == "'int' object has no attribute 'write'", str(e)
else:
    raise AssertionError

# file=None means sys.stdout; stdout can be swapped.
saved = sys.stdout
cap = Capture()
sys.stdout = cap
try:
    print("to stdout", 42)
    print("second", end="!")
    sys.stdout.write("raw")
finally:
    sys.stdout = saved
assert cap.text() == "to stdout 42\nsecond!raw"

# Printing to the real streams works (content not checked here).
print("conformance print to stdout")
print("conformance print to stderr", file=sys.stderr)
sys.stdout.flush()
assert sys.stdout.write("") == 0
n = sys.stdout.write("written\n")
assert n == 8

# Unicode and special characters.
c = Capture()
print("héllo", "日本", "😀", "\t|", file=c)
assert c.text() == "héllo 日本 😀 \t|\n"

# Many arguments.
c = Capture()
print(*range(20), sep="-", file=c)
assert c.text() == "-".join(str(i) for i in range(20)) + "\n"
print("ok")
