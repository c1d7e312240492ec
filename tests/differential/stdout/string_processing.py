# String algorithms: Caesar cipher, run-length encoding, palindromes, anagrams, wrapping.

def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)

msg = "The Quick Brown Fox Jumps Over The Lazy Dog!"
enc = caesar(msg, 13)
print(enc)
print(caesar(enc, -13) == msg)

def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)

def unrle(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)

for s in ("aaabccddddde", "abc", "", "zzzzzzzzzzzz", "ééé日日"):
    print(repr(s), rle(s), unrle(rle(s)) == s)

def is_pal(s):
    t = [c.lower() for c in s if c.isalnum()]
    return t == t[::-1]
for s in ("A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?", ""):
    print(is_pal(s), s)

words = "listen silent enlist google inlets banana tinsel elgoog".split()
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
for key in sorted(groups):
    print(key, groups[key])

text = ("Python is a programming language that lets you work quickly and integrate "
        "systems more effectively. " * 3).strip()
def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = word if not line else line + " " + word
    if line:
        lines.append(line)
    return lines
for line in wrap(text, 40):
    print("|" + line.ljust(40) + "|")
print(text.title()[:50], text.swapcase()[:20], text.upper().count("Y"))
print("-".join(reversed("a,b,c".split(","))), "x".join("123"), "  trim  ".strip("t "))
print("%s" % "üñíçødé".upper(), "ß".upper(), "ǅ".lower(), "ﬁ".upper())
print(sorted("hello world"), "".join(sorted(set("mississippi"))))
print([s.zfill(5) for s in ("1", "-1", "+12", "abc")])
print("tab\tsep".expandtabs(4), repr("a\tb".expandtabs()))
