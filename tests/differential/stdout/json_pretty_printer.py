# A JSON-like serializer and pretty printer written from scratch, plus a parser round trip.

def escape(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) > 0x7e:
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
            else:
                out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)

def dumps(v, indent=2, level=0):
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return escape(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        return "[\n" + ",\n".join(pad + dumps(i, indent, level + 1) for i in v) + "\n" + end + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [pad + escape(str(k)) + ": " + dumps(val, indent, level + 1) for k, val in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    raise TypeError("not serializable: " + type(v).__name__)

class Parser:
    def __init__(self, text):
        self.t = text
        self.i = 0
    def ws(self):
        while self.i < len(self.t) and self.t[self.i] in " \n\t\r":
            self.i += 1
    def value(self):
        self.ws()
        c = self.t[self.i]
        if c == "{":
            self.i += 1
            d = {}
            self.ws()
            if self.t[self.i] == "}":
                self.i += 1
                return d
            while True:
                self.ws()
                k = self.value()
                self.ws()
                assert self.t[self.i] == ":"
                self.i += 1
                d[k] = self.value()
                self.ws()
                if self.t[self.i] == ",":
                    self.i += 1
                    continue
                assert self.t[self.i] == "}"
                self.i += 1
                return d
        if c == "[":
            self.i += 1
            lst = []
            self.ws()
            if self.t[self.i] == "]":
                self.i += 1
                return lst
            while True:
                lst.append(self.value())
                self.ws()
                if self.t[self.i] == ",":
                    self.i += 1
                    continue
                self.i += 1
                return lst
        if c == '"':
            self.i += 1
            out = []
            while self.t[self.i] != '"':
                ch = self.t[self.i]
                if ch == "\\":
                    nxt = self.t[self.i + 1]
                    if nxt == "u":
                        code = int(self.t[self.i + 2:self.i + 6], 16)
                        self.i += 6
                        if 0xD800 <= code < 0xDC00:
                            low = int(self.t[self.i + 2:self.i + 6], 16)
                            self.i += 6
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        out.append(chr(code))
                        continue
                    out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
                    self.i += 2
                    continue
                out.append(ch)
                self.i += 1
            self.i += 1
            return "".join(out)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if self.t.startswith(word, self.i):
                self.i += len(word)
                return val
        j = self.i
        while j < len(self.t) and self.t[j] in "+-0123456789.eE":
            j += 1
        num = self.t[self.i:j]
        self.i = j
        return float(num) if any(c in num for c in ".eE") else int(num)

doc = {
    "name": "krait",
    "version": [0, 1, 0],
    "fast": True,
    "gil": False,
    "license": None,
    "pi": 3.141592653589793,
    "tiny": 1e-05,
    "big": 2 ** 70,
    "escapes": "quote \" backslash \\ newline \n tab \t",
    "unicode": "héllo 日本 😀",
    "nested": {"empty_list": [], "empty_dict": {}, "deep": [[1, [2, [3, {"k": "v"}]]]]},
    "mixed": [1, 2.5, "three", None, True, {"x": -0.0}],
}
text = dumps(doc)
print(text)
back = Parser(text).value()
print(back == doc)
print(dumps(back, indent=4) == dumps(doc, indent=4))
print(dumps([]), dumps({}), dumps("x"), dumps(0), dumps([[]], indent=0))
try:
    dumps({"bad": {1, 2}})
except TypeError as e:
    print("error:", e)
