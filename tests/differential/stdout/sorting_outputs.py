# Sorting in many flavours; results printed.

people = [("Ada", 36, "London"), ("Alan", 41, "Wilmslow"), ("Grace", 85, "Arlington"),
          ("Linus", 28, "Helsinki"), ("Guido", 36, "Haarlem"), ("Barbara", 36, "Boston")]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (p[1], p[0]), reverse=True))
print(sorted(people, key=lambda p: len(p[2])))
print([p[0] for p in sorted(people, key=lambda p: p[0][-1])])
by_age = {}
for name, age, _ in people:
    by_age.setdefault(age, []).append(name)
print(sorted(by_age.items()))
print(sorted("The quick brown fox jumps over the lazy dog".split(), key=str.lower))
print(sorted("The quick brown fox jumps over the lazy dog".split()))
print(sorted([3.5, -1, 2, 0.0, -0.0, 10 ** 20, True]))
print(sorted([[3, 1], [2], [2, 0], [], [3]]))
print(sorted(["10", "9", "100", "1"]), sorted(["10", "9", "100", "1"], key=int))
print(sorted(range(20), key=lambda x: (x % 3, -x)))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
words.sort()
print(words)
words.sort(key=lambda w: (w.lower(), w))
print(words)
print(list(reversed(sorted(words))))
print(sorted({"b": 2, "a": 3, "c": 1}.items(), key=lambda kv: kv[1]))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: (p[1], p[0])))
print(sorted(set("hello world") - {" "}))

def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if b[j] < a[i]:
            out.append(b[j]); j += 1
        else:
            out.append(a[i]); i += 1
    return out + a[i:] + b[j:]

seed = 42
data = []
for _ in range(40):
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    data.append(seed >> 54)
print(data)
print(merge_sort(data))
print(merge_sort(data) == sorted(data))
