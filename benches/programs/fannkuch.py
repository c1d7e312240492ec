# Fannkuch-redux: maximum number of pancake flips over all permutations, plus a checksum.

N = 9
REPEAT = 5


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if perm_count % 2 == 0 else -flips
        perm_count += 1
        while True:
            if r == n:
                return checksum, max_flips
            p0 = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    results = set()
    for _ in range(REPEAT):
        results.add(fannkuch(N))
    assert len(results) == 1
    checksum, flips = results.pop()
    print(checksum)
    print("Pfannkuchen(%d) = %d" % (N, flips))


main()
