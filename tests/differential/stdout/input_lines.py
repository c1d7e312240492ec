# Reads lines with input() until EOF (the harness feeds input_lines.stdin).

total = 0
count = 0
names = []
while True:
    try:
        line = input()
    except EOFError:
        print("EOF reached after", count, "lines")
        break
    count += 1
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    kind, _, rest = line.partition(" ")
    if kind == "num":
        total += int(rest)
        print("running total:", total)
    elif kind == "name":
        names.append(rest)
        print("hello,", rest)
    else:
        print("unknown command:", repr(kind))
print("names:", sorted(names))
print("total:", total)
try:
    input()
except EOFError as e:
    print("again:", type(e).__name__, repr(str(e)))
