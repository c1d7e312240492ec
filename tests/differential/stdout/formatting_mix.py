# A table of formatted output using %, str.format and f-strings.

rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 3.125), ("kiwi", 0, 12.0)]
print("%-10s %5s %8s" % ("name", "qty", "price"))
for name, qty, price in rows:
    print("%-10s %5d %8.2f" % (name, qty, price))
print("{:-^25}".format(" totals "))
total = sum(q * p for _, q, p in rows)
print("{:<10} {:>14.3f}".format("sum", total))
for name, qty, price in rows:
    print(f"{name!r:>10} | {qty:03d} | {price:>7.2%} | {qty * price:e}")

for n in (0, 7, 255, -255, 65535, 2 ** 40):
    print(f"{n:d} {n:b} {n:o} {n:x} {n:X} {n:#x} {n:,} {n:_b} {n:+d} {n: d} {n:>12}")

for s in ("", "a", "hello", "日本語"):
    print("[%s] [%5s] [%-5s] [%.2s] [%r]" % (s, s, s, s, s))
    print("[{0}] [{0:>6}] [{0:<6}] [{0:^6}] [{0:*^7}] [{0!r}]".format(s))

name, width = "krait", 12
print(f"{name:{width}}|{name:>{width}}|{name:^{width}.3}|")
print(f"{3.14159:{width}.{4}}|{'x'=}|{width = }|{width*2=}")
print("%(a)s and %(b)05.1f" % {"a": "A", "b": 2.25})
print("{0[0]} {0[1]} {1.real} {2[key]}".format(("t0", "t1"), 5, {"key": "dv"}))
print("%c%c%c" % (72, 105, 33), "%5.1f%%" % 99.5, "%x-%o-%X" % (255, 8, 3054))
print("{:,}".format(1234567.891), "{:.2e}".format(0.000123), "{:g}".format(1e-7))
print(format(True), format(None), format(12.0), format(-0.0), format(10 ** 21, ","))
print("a{}b{}c".format(*range(2)), "{x}{y}".format(**{"x": 1, "y": 2}))
print(str(3) + "3", repr("3") + "3", 3 * "ab", "-" * 20)
print("left".ljust(8, "."), "right".rjust(8, "."), "mid".center(9, "~"), "7".zfill(4))
