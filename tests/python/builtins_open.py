# open() for text files under /tmp: write, read, append, readline(s), iteration, with.
import time

path = "/tmp/krait_conformance_open_%d.txt" % time.time_ns()

with open(path, "w") as f:
    n = f.write("first line\n")
    assert n == 11
    f.write("second line\n")
    f.write("third")
    assert not f.closed
assert f.closed

with open(path) as f:
    assert f.read() == "first line\nsecond line\nthird"

with open(path, "r") as f:
    assert f.readline() == "first line\n"
    assert f.readline() == "second line\n"
    assert f.readline() == "third"
    assert f.readline() == ""
    assert f.readline() == ""

with open(path, "r", encoding="utf-8") as f:
    assert f.readlines() == ["first line\n", "second line\n", "third"]

with open(path) as f:
    lines = [line for line in f]
assert lines == ["first line\n", "second line\n", "third"]

with open(path) as f:
    assert f.read(5) == "first"
    assert f.read(1) == " "
    assert f.read() == "line\nsecond line\nthird"
    assert f.read() == ""

# Append mode.
with open(path, "a") as f:
    f.write("\nfourth\n")
with open(path) as f:
    assert f.read().splitlines() == ["first line", "second line", "third", "fourth"]

# "w" truncates.
with open(path, "w", encoding="utf-8") as f:
    f.write("héllo wörld ✓ 日本\n")
with open(path, encoding="utf-8") as f:
    text = f.read()
assert text == "héllo wörld ✓ 日本\n" and len(text) == 17

# Reading as binary shows the UTF-8 bytes.
with open(path, "rb") as f:
    raw = f.read()
assert raw == "héllo wörld ✓ 日本\n".encode("utf-8")
assert type(raw) is bytes

# Binary write.
with open(path, "wb") as f:
    f.write(b"\x00\x01\xff")
with open(path, "rb") as f:
    assert f.read() == b"\x00\x01\xff"

# writelines and print(file=...).
with open(path, "w") as f:
    f.writelines(["a\n", "b\n"])
    print("c", 1, sep="-", file=f)
with open(path) as f:
    assert f.read() == "a\nb\nc-1\n"

# Explicit close and operations on closed files.
f = open(path)
first = f.readline()
f.close()
assert first == "a\n" and f.closed
try:
    f.read()
except ValueError as e:
    assert str(e) == "I/O operation on closed file.", str(e)
else:
    raise AssertionError

# Universal newlines: \r\n is translated to \n when reading text.
with open(path, "wb") as f:
    f.write(b"x\r\ny\rz\n")
with open(path) as f:
    assert f.read() == "x\ny\nz\n"
with open(path, newline="") as f:
    assert f.readlines() == ["x\r\n", "y\r", "z\n"]

# Many lines.
with open(path, "w") as f:
    for i in range(1000):
        f.write("line %d\n" % i)
with open(path) as f:
    count = 0
    total = 0
    for line in f:
        count += 1
        total += int(line.split()[1])
assert count == 1000 and total == 499500

# Errors.
try:
    open("/tmp/krait_surely_missing_dir_%d/x.txt" % time.time_ns())
except FileNotFoundError as e:
    assert e.errno == 2
    assert str(e).startswith("[Errno 2] No such file or directory: "), str(e)
else:
    raise AssertionError
try:
    open(path, "q")
except ValueError as e:
    assert str(e) == "invalid mode: 'q'", str(e)
else:
    raise AssertionError
with open(path, "w") as f:
    try:
        f.read()
    except OSError as e:
        assert str(e) == "not readable", str(e)
    else:
        raise AssertionError
with open(path, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        assert str(e) == "write() argument must be str, not bytes", str(e)
    else:
        raise AssertionError

# Exceptions inside with still close the file.
try:
    with open(path) as f:
        raise RuntimeError("inside")
except RuntimeError:
    pass
assert f.closed

# Clean up by truncating (no os module available to delete the file).
with open(path, "w") as f:
    pass
with open(path) as f:
    assert f.read() == ""
print("ok")
