# Display of dicts (insertion order) and sets of small ints (hash order).

d = {}
for k in ["banana", "apple", "cherry"]:
    d[k] = len(k)
print(d)
d["apple"] = 0
print(d)
del d["banana"]
d["banana"] = 6
print(d, list(d), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print({1: "a", 2: "b"} | {2: "B", 3: "c"})
print(dict.fromkeys("hello"))
print(dict(zip(range(3), "abc")))
print({(1, 2): [3], None: {}, 1.5: set(), "k": frozenset()})

print({3, 1, 2})
print({10, 5, 0, 7})
print(set(range(10)))
print({8, 1})
print({16, 0, 32})
print({100, 7, 3})
print(frozenset({4, 2}))
print({-1, -2, 1})
print(set([5, 5, 5]), set(), frozenset())
s = set()
for i in [9, 3, 27, 1, 81]:
    s.add(i)
print(s)
s.discard(27)
print(s, len(s))
print({True, False}, {0, False})
print(sorted({"pear", "fig", "kiwi"}))
print({1, 2, 3} & {2, 3, 4}, {1, 2} | {8}, {1, 2, 3} - {2}, {1, 2} ^ {2, 3})

counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print({k: v for k, v in sorted(counts.items())})
