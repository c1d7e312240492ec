# Sieve of Eratosthenes plus a few number-theory helpers.

def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            is_prime[i * i::i] = [False] * len(range(i * i, n + 1, i))
        i += 1
    return [k for k, p in enumerate(is_prime) if p]

primes = sieve(100000)
print(len(primes), primes[:20], primes[-5:])
print(sum(primes))

def factorize(n):
    out = []
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            out.append(p)
            n //= p
    if n > 1:
        out.append(n)
    return out

for n in (1, 2, 360, 9973, 1234567890, 2 ** 32 + 1, 600851475143, 10 ** 12 + 39):
    print(n, factorize(n))

twins = [(p, p + 2) for p, q in zip(primes, primes[1:]) if q == p + 2]
print(len(twins), twins[:5], twins[-1])
gaps = {}
for p, q in zip(primes, primes[1:]):
    gaps[q - p] = gaps.get(q - p, 0) + 1
print(sorted(gaps.items())[:10])
print(max(gaps), gaps[max(gaps)])

def is_prime_mr(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True

print([n for n in range(10 ** 12, 10 ** 12 + 200) if is_prime_mr(n)])
print(is_prime_mr(2 ** 61 - 1), is_prime_mr(2 ** 67 - 1), is_prime_mr(2 ** 89 - 1))
print(all(is_prime_mr(p) for p in primes[:2000]), any(is_prime_mr(n) for n in (4, 6, 8, 9, 561)))
