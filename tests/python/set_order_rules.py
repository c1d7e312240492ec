# Set iteration order is observable (print({3, 11, 19}) shows it), so krait follows
# CPython's set table rules exactly. This script carries a model of those rules
# (probing, dummy reuse, resizing, the pop finger, and the order in which each set
# operation visits its operands) and checks real sets against it over random
# operation sequences; under python3 it checks the model itself.


class Rand:
    """A small deterministic generator (xorshift64*), so the script needs no imports."""

    def __init__(self, seed):
        self.x = (seed * 2654435761 + 88172645463325252) & ((1 << 64) - 1) or 1

    def next(self):
        x = self.x
        x ^= (x >> 12)
        x ^= (x << 25) & ((1 << 64) - 1)
        x ^= (x >> 27)
        self.x = x
        return (x * 2685821657736338717) & ((1 << 64) - 1)

    def random(self):
        return (self.next() >> 11) / float(1 << 53)

    def randint(self, a, b):
        return a + self.next() % (b - a + 1)

    def choice(self, seq):
        return seq[self.next() % len(seq)]

M64 = (1 << 64) - 1
LIN = 9


class S:
    def __init__(self):
        self.finger = 0
        self.clear()
    def clear(self):
        self.mask = 7; self.tab = [None]*8; self.fill = 0; self.used = 0
    # entries: None (unused), 'D' (dummy), (hash, key)
    def _probe(self, key, h, adding):
        mask = self.mask; i = h & M64 & mask; perturb = h & M64; free = None
        while True:
            pos = i; left = LIN if i + LIN <= mask else 0
            while True:
                e = self.tab[pos]
                if e is None:
                    return ('absent', free if free is not None else pos, pos)
                if e == 'D':
                    free = pos  # the last dummy on the path is reused
                elif e[0] == h and e[1] == key:
                    return ('found', pos, pos)
                if left == 0: break
                left -= 1; pos += 1
            perturb >>= 5
            i = (i*5 + 1 + perturb) & mask
    def add(self, key, h=None):
        if h is None: h = hash(key)
        r, slot, unused = self._probe(key, h, True)
        if r == 'found': return
        if slot != unused or self.tab[slot] == 'D':
            self.tab[slot] = (h, key); self.used += 1; return
        self.tab[slot] = (h, key); self.fill += 1; self.used += 1
        if self.fill*5 < self.mask*3: return
        self.resize(self.used*2 if self.used > 50000 else self.used*4)
    def resize(self, minused):
        n = 8
        while n <= minused: n <<= 1
        old = self.tab
        self.tab = [None]*n; self.mask = n-1
        self.fill = self.used
        for e in old:
            if e is not None and e != 'D':
                self._insert_clean(e)
    def _insert_clean(self, e):
        mask = self.mask; h = e[0] & M64; i = h & mask; perturb = h
        while True:
            if self.tab[i] is None:
                self.tab[i] = e; return
            if i + LIN <= mask:
                for j in range(1, LIN+1):
                    if self.tab[i+j] is None:
                        self.tab[i+j] = e; return
            perturb >>= 5
            i = (i*5 + 1 + perturb) & mask
    def discard(self, key):
        h = hash(key)
        r, slot, _ = self._probe(key, h, False)
        if r != 'found': return False
        self.tab[slot] = 'D'; self.used -= 1
        return True
    def entries(self):
        return [e for e in self.tab if e is not None and e != 'D']
    def items(self):
        return [e[1] for e in self.entries()]
    def contains(self, key):
        return self._probe(key, hash(key), False)[0] == 'found'
    def pop(self):
        if self.used == 0: raise KeyError
        pos = self.finger & self.mask
        while self.tab[pos] is None or self.tab[pos] == 'D':
            pos += 1
            if pos > self.mask: pos = 0
        k = self.tab[pos][1]; self.tab[pos] = 'D'; self.used -= 1; self.finger = pos + 1
        return k
    def merge(self, other):
        if other is self or other.used == 0: return
        if (self.fill + other.used)*5 >= self.mask*3:
            self.resize((self.used + other.used)*2)
        if self.fill == 0 and self.mask == other.mask and other.fill == other.used:
            self.tab = list(other.tab); self.fill = other.fill; self.used = other.used; return
        if self.fill == 0:
            self.fill = other.used; self.used = other.used
            for e in other.tab:
                if e is not None and e != 'D': self._insert_clean(e)
            return
        for e in other.entries(): self.add(e[1], e[0])
    def update(self, it):
        if isinstance(it, S): return self.merge(it)
        if type(it) is dict:
            n = len(it)
            if (self.fill + n)*5 >= self.mask*3:
                self.resize((self.used + n)*2)
        for k in it: self.add(k)
    def copy(self):
        r = S(); r.merge(self); return r
    def union(self, o):
        r = self.copy(); r.update(o); return r
    def intersection(self, other):
        if other is self: return self.copy()
        r = S(); so = self
        if isinstance(other, S):
            if other.used > so.used: so, other = other, so
            for e in other.entries():
                if so.contains(e[1]): r.add(e[1], e[0])
            return r
        for k in other:
            if so.contains(k):
                r.add(k)
                if r.used >= so.used: break
        return r
    def difference_update(self, other):
        if other is self: self.clear(); return
        if isinstance(other, S):
            if (other.used >> 3) > self.used: other = self.intersection(other)
            for e in other.entries(): self.discard(e[1])
        else:
            for k in other: self.discard(k)
        if self.fill - self.used <= self.mask // 4: return
        self.resize(self.used*2 if self.used > 50000 else self.used*4)
    def difference(self, other):
        if isinstance(other, S): n = other.used
        elif type(other) is dict: n = len(other)
        else:
            r = self.copy(); r.difference_update(other); return r
        if (self.used >> 2) > n:
            r = self.copy(); r.difference_update(other); return r
        r = S()
        for e in self.entries():
            c = other.contains(e[1]) if isinstance(other, S) else e[1] in other
            if not c: r.add(e[1], e[0])
        return r
    def symdiff_update(self, other):
        if other is self: self.clear(); return
        if type(other) is dict:
            for k in other:
                if not self.discard(k): self.add(k)
            return
        if not isinstance(other, S):
            o = S(); o.update(other); other = o
        for e in other.entries():
            if not self.discard(e[1]): self.add(e[1], e[0])
    def symdiff(self, other):
        r = S(); r.update(other); r.symdiff_update(self); return r
    def intersection_update(self, other):
        t = self.intersection(other)
        self.tab, self.fill, self.used, self.mask = t.tab, t.fill, t.used, t.mask

def rnd_key(r):
    c = r.random()
    if c < 0.4: return r.randint(-50, 200)
    if c < 0.7: return 'k%d' % r.randint(0, 80)
    if c < 0.8: return r.randint(0, 10) * 8
    if c < 0.9: return (r.randint(0, 5), r.randint(0, 5))
    return r.randint(0, 40) * 1024

def check(seed):
    r = Rand(seed)
    a, A = set(), S()
    b, B = set(), S()
    for step in range(r.randint(1, 200)):
        op = r.random()
        k = rnd_key(r)
        if op < 0.45: a.add(k); A.add(k)
        elif op < 0.6: a.discard(k); A.discard(k)
        elif op < 0.65 and a:
            x = a.pop(); y = A.pop()
            if x != y: return (seed, step, 'pop', x, y)
        elif op < 0.75: b.add(k); B.add(k)
        elif op < 0.78:
            m = r.choice(['union', 'intersection', 'difference', 'symmetric_difference', 'update', 'difference_update', 'intersection_update', 'symmetric_difference_update'])
            src = r.choice(['set', 'list', 'dict'])
            if src == 'set': o, O = b, B
            elif src == 'list':
                l = [rnd_key(r) for _ in range(r.randint(0, 30))]; o = O = l
            else:
                d = {rnd_key(r): 1 for _ in range(r.randint(0, 30))}; o = O = d
            mm = {'symmetric_difference': 'symdiff', 'symmetric_difference_update': 'symdiff_update'}.get(m, m)
            res = getattr(a, m)(o); RES = getattr(A, mm)(O)
            if res is not None:
                if list(res) != RES.items(): return (seed, 'result', m, src, list(res), RES.items())
                if r.random() < 0.5: a, A = res, RES
        elif op < 0.8:
            a = set(a); A = A.copy()
        elif op < 0.82:
            a.clear(); A.clear()
        if list(a) != A.items():
            return (seed, step, list(a), A.items())
    return None

for seed in range(250):
    res = check(seed)
    assert res is None, res
# frozenset hash
def fhash(items):
    h = 0
    for x in items:
        hx = hash(x) & M64
        h ^= (((hx ^ 89869747) ^ (hx << 16)) * 3644798167) & M64
    h ^= ((len(items) + 1) * 1927868237) & M64
    h ^= (h >> 11) ^ (h >> 25)
    h = (h * 69069 + 907133923) & M64
    if h == M64: h = 590923713
    if h >= 1 << 63: h -= 1 << 64
    return h
for s in [[], [1], [1, 2, 3], ['a', 'b'], list(range(100)), [(1, 2), None], [frozenset([1])]]:
    assert fhash(set(s)) == hash(frozenset(s)), s

# A few fixed cases whose order CPython 3.11 prints.
s = set()
for k in [19, 3, 11, 8]:
    s.add(k)
assert list(s) == [3, 11, 19, 8]
# A display of 3+ constants is a frozenset constant that the compiler builds twice (the
# second time from the first build's order); the set copies its slots.
assert list({19, 3, 11, 8}) == [11, 19, 3, 8]
x = [19, 3, 11, 8]
assert list({x[0], x[1], x[2], x[3]}) == [3, 11, 19, 8]
assert list({*x}) == [3, 11, 19, 8]
assert 11 in {19, 3, 11, 8}
s = {1, 2, 3}
assert s.pop() == 1
s.add(1)
assert s.pop() == 2
assert list({-1, -2, 5, 13}) == [5, 13, -1, -2]
assert list(set(range(-5, 6))) == [0, 1, 2, 3, 4, 5, -1, -5, -4, -3, -2]
# Repeated add/remove cycles reuse dummies and never fill the table.
d = set()
for r in range(50):
    for k in range(-4, 4):
        d.add(k + r)
    for k in range(-4, 4):
        d.remove(k + r)
assert d == set() and len(d) == 0
