# Big integer arithmetic results printed in full.

f = 1
for i in range(1, 101):
    f *= i
print(f)
print(len(str(f)), sum(int(d) for d in str(f)), str(f).count("0"))
a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print(a)
print(2 ** 256, -(3 ** 100), 7 ** 77 % 10 ** 20)
print(2 ** 256 // 3 ** 50, 2 ** 256 % 3 ** 50, divmod(-(10 ** 30), 7 ** 20))
print(hex(2 ** 200 - 1), oct(3 ** 40), bin(2 ** 70 + 5))
print((2 ** 127 - 1) * (2 ** 89 - 1))
print(int("9" * 60) + 1, int("1" + "0" * 50, 2))
print(pow(3, 10 ** 5, 10 ** 9 + 7), pow(12345678901234567890, 3))
print(f"{2 ** 100:,}", f"{2 ** 100:_x}", f"{-(2 ** 64):+d}", "%d" % 10 ** 25)
print((1 << 100) >> 37, -(1 << 100) >> 37, (2 ** 90) & (2 ** 90 - 1 - 2 ** 45), (2 ** 90) | 1, ~(2 ** 65))
print(10 ** 20 / 3, 2 ** 100 / 2 ** 50, (10 ** 40 + 1) / 10 ** 20)
print(sorted([2 ** 64, -(2 ** 64), 2 ** 63, 0, -1, 2 ** 100]))
print(max(2 ** 80, 2.0 ** 80 + 1e10), 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)
catalan = [1]
for n in range(1, 60):
    catalan.append(catalan[-1] * 2 * (2 * n - 1) // (n + 1))
print(catalan[-3:])
print([2 ** (2 ** k) + 1 for k in range(7)])
