# The time module: time(), perf_counter(), monotonic(), sleep(0), time_ns().
import time

t1 = time.time()
assert type(t1) is float and t1 > 1.6e9          # after 2020
p1 = time.perf_counter()
m1 = time.monotonic()
assert type(p1) is float and type(m1) is float
n1 = time.time_ns()
assert type(n1) is int and n1 > 1.6e18
pn = time.perf_counter_ns()
mn = time.monotonic_ns()
assert type(pn) is int and type(mn) is int

assert time.sleep(0) is None
total = 0
for i in range(100000):
    total += i
time.sleep(0.001)

t2 = time.time()
p2 = time.perf_counter()
m2 = time.monotonic()
assert p2 >= p1 and m2 >= m1 and t2 >= t1 - 1.0   # wall clock may be adjusted slightly
assert p2 > p1, (p1, p2)                         # a millisecond passed
assert time.perf_counter_ns() >= pn and time.monotonic_ns() >= mn

# Monotonic clocks never go backwards across many reads.
last = time.monotonic()
for _ in range(1000):
    now = time.monotonic()
    assert now >= last
    last = now
last = time.perf_counter()
for _ in range(1000):
    now = time.perf_counter()
    assert now >= last
    last = now

try:
    time.sleep(-1)
except ValueError as e:
    assert str(e) == "sleep length must be non-negative", str(e)
else:
    raise AssertionError
try:
    time.sleep("1")
except TypeError:
    pass
else:
    raise AssertionError

# process_time exists and is a float.
assert type(time.process_time()) is float
print("ok")
