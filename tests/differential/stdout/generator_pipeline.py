# A data-processing pipeline built from generators, with send() and yield from.

LOG = """2024-01-01 10:00:01 INFO  server started port=8080
2024-01-01 10:00:05 WARN  slow request path=/api/users ms=950
2024-01-01 10:00:07 INFO  request path=/api/users ms=12
2024-01-01 10:01:00 ERROR db timeout path=/api/orders ms=5000
2024-01-01 10:01:30 INFO  request path=/api/orders ms=45
2024-01-01 10:02:00 ERROR crash path=/api/pay ms=1
2024-01-01 10:02:10 INFO  request path=/api/users ms=8"""

def lines(text):
    for line in text.splitlines():
        yield line

def parse(records):
    for line in records:
        date, time_, level, rest = line.split(None, 3)
        fields = dict(part.split("=") for part in rest.split() if "=" in part)
        message = " ".join(part for part in rest.split() if "=" not in part)
        yield {"time": time_, "level": level, "msg": message, **fields}

def only(level, records):
    for r in records:
        if r["level"] == level:
            yield r

def chain(*iterables):
    for it in iterables:
        yield from it

records = list(parse(lines(LOG)))
for r in records:
    print(r)
print([r["time"] for r in only("ERROR", records)])
print(list(chain(["a"], range(2), "bc")))

def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return (count, avg)
        total += value
        count += 1
        avg = total / count

def per_path(records):
    results = {}
    while True:
        path = yield
        if path is None:
            break
        gen = averager()
        next(gen)
        for r in records:
            if r.get("path") == path:
                gen.send(int(r["ms"]))
        try:
            gen.send(None)
        except StopIteration as stop:
            results[path] = stop.value
    return results

collector = per_path(records)
next(collector)
for p in ("/api/users", "/api/orders", "/api/pay", "/nowhere"):
    collector.send(p)
try:
    collector.send(None)
except StopIteration as done:
    for path, (count, avg) in done.value.items():
        print(f"{path:12} n={count} avg={avg}")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, it):
    for _, v in zip(range(n), it):
        yield v

print(list(take(15, fib())))
print(sum(x for x in take(100, fib()) if x % 2 == 0))
squares = (n * n for n in range(10))
print(next(squares), next(squares), list(squares))

def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield f"node{depth}"
    yield from tree(depth - 1)
    yield from tree(depth - 1)
print(list(tree(3)))

def closing_demo():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleaned up")
g = closing_demo()
print(next(g))
g.close()
print("after close")
