# Word frequency counter over an embedded text, with a histogram.

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair, we had everything before us,
we had nothing before us, we were all going direct to Heaven, we were all going
direct the other way -- in short, the period was so far like the present period,
that some of its noisiest authorities insisted on its being received, for good
or for evil, in the superlative degree of comparison only.
"""

def words(text):
    word = []
    for ch in text.lower():
        if ch.isalpha() or ch == "'":
            word.append(ch)
        elif word:
            yield "".join(word)
            word = []
    if word:
        yield "".join(word)

counts = {}
for w in words(TEXT):
    counts[w] = counts.get(w, 0) + 1

print("distinct words:", len(counts))
print("total words:", sum(counts.values()))
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:12]
width = max(len(w) for w, _ in top)
for w, c in top:
    print(f"{w:<{width}} {c:3d} {'#' * c}")

by_length = {}
for w in counts:
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    print(length, sorted(by_length[length]))

letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print("".join(sorted(letters, key=lambda c: (-letters[c], c))))
print(max(counts, key=lambda w: (len(w), w)), min(counts, key=lambda w: (len(w), w)))
lines = [line for line in TEXT.splitlines() if line]
print(len(lines), [len(line.split()) for line in lines])
print(TEXT.count("it was"), TEXT.find("wisdom"), TEXT.rfind("period"))
