# The sys module: argv, path, modules, exit, streams, recursion limit, version info.
import sys

assert isinstance(sys.argv, list) and len(sys.argv) >= 1
assert all(isinstance(a, str) for a in sys.argv)
assert sys.argv[0].endswith("sys_module.py"), sys.argv
assert isinstance(sys.path, list) and all(isinstance(p, str) for p in sys.path)
assert sys.path[0].replace("\\", "/").endswith("tests/python"), sys.path[0]
assert isinstance(sys.modules, dict)
assert sys.modules["sys"] is sys and sys.modules["__main__"].__name__ == "__main__"
assert "builtins" in sys.modules

# sys.exit raises SystemExit.
for arg, code in ((None, None), (0, 0), (3, 3), ("message", "message")):
    try:
        if arg is None:
            sys.exit()
        else:
            sys.exit(arg)
    except SystemExit as e:
        assert e.code == code, (e.code, code)
        assert e.args == (() if arg is None else (arg,))
    else:
        raise AssertionError
try:
    raise SystemExit(5)
except SystemExit as e:
    assert e.code == 5

# Streams.
assert sys.stdout.write("") == 0
assert hasattr(sys.stderr, "write") and hasattr(sys.stdin, "readline")
sys.stdout.flush()
sys.stderr.write("sys_module: stderr line\n")
assert sys.__stdout__ is not None

# Recursion limit.
limit = sys.getrecursionlimit()
assert isinstance(limit, int) and limit >= 1000
sys.setrecursionlimit(limit + 500)
assert sys.getrecursionlimit() == limit + 500
sys.setrecursionlimit(limit)

# Version info.
vi = sys.version_info
assert vi >= (3, 0) and vi[0] == 3 and vi.major == 3
assert vi > (3,) and vi < (4,)
assert isinstance(vi.minor, int) and isinstance(vi.micro, int)
assert vi[:2] >= (3, 11)
assert len(vi) == 5 and vi.releaselevel in ("alpha", "beta", "candidate", "final")
assert isinstance(sys.version, str) and sys.version[0] == "3"
assert isinstance(sys.implementation.name, str) and sys.implementation.name
assert sys.implementation.name == sys.implementation.name.lower()

# Platform-ish facts.
assert sys.maxsize == 2 ** 63 - 1
assert sys.byteorder in ("little", "big")
assert isinstance(sys.platform, str)
assert sys.float_info.max == 1.7976931348623157e308
assert sys.float_info.epsilon == 2.220446049250313e-16
assert sys.float_info.dig == 15 and sys.float_info.mant_dig == 53
assert sys.hash_info.modulus == 2 ** 61 - 1
assert sys.hash_info.inf == 314159
assert isinstance(sys.executable, str)
assert sys.getdefaultencoding() == "utf-8"
assert isinstance(sys.flags.optimize, int)
assert sys.maxunicode == 0x10FFFF

# exc_info outside of handlers.
assert sys.exc_info() == (None, None, None)

# sys.intern returns an equal string.
s = sys.intern("interned" + "_string")
assert s == "interned_string" and sys.intern(s) is s

# getsizeof exists and returns an int (values differ between implementations).
assert isinstance(sys.getsizeof([]), int)

# Replacing sys.stdout temporarily.
class Buf:
    def __init__(self):
        self.data = ""
    def write(self, s):
        self.data += s
        return len(s)
    def flush(self):
        pass
old = sys.stdout
b = Buf()
sys.stdout = b
print("captured")
sys.stdout = old
assert b.data == "captured\n"
print("ok")
