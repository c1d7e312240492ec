# Float formatting through print/str/repr and format specs.
import math

floats = [0.1 + 0.2, 1 / 3, 2 / 3, 1e22, 1e16, 1e15, 123456789.123456789, -0.0, 0.0,
          1e-5, 1e-4, 0.00012345, 5e-324, 1.7976931348623157e308, 2.5e-308, 1e300 * 10,
          -1e300 * 10, math.pi, math.e, 100.0, 1.0 / 7, 9007199254740993.0, 0.5, 2.675,
          float(2 ** 53), float(2 ** 63), 1e21, 1e20, 123e-20, 4.35, 0.3, 1.1 * 3]
for f in floats:
    print(f, repr(f), str(f))

nan = float("nan")
print(nan, -nan, [nan], abs(nan))
print(float("inf"), -float("inf"))

for f in (3.14159, -2.5, 1234567.891, 0.000123, 1e10, 0.0, -0.0):
    print("%f|%.2f|%e|%g|%10.3f|%-10.1f|" % (f, f, f, f, f, f))
    print(f"{f:.3g}|{f:,.2f}|{f:+.1e}|{f:%}|{f:010.2f}|{f:^12}|")
    print(format(f, ""), format(f, ".0f"), format(f, "g"), format(f, ".10g"))

for r in (0.5, 1.5, 2.5, -0.5, 0.125, 0.375, 2.675, 1.005):
    print(r, round(r), round(r, 1), round(r, 2))

print(sum([0.1] * 10), math.fsum([0.1] * 10))
print(1e16 + 1, 1e16 + 2, 2 ** 0.5, 10 ** 0.5, 8 ** (1 / 3))
print(7 / 2, 7 // 2.0, -7 / 2, 7 % 2.5, divmod(7.5, 2))
print(float("1e500"), float("-1e500"), float("1e-500"))
print(int(1e20), int(-1.9), int(2.5e15))
print((0.1).as_integer_ratio(), (2.5).hex(), float.fromhex("0x1.8p3"))
values = [i / 10 for i in range(-5, 6)]
print(values)
print([x * 1.1 for x in range(5)])
print(min(values), max(values), sorted(values, key=abs)[:4])
