# A tiny interpreter for a Lisp-like language: tokenizer, parser, evaluator, closures.

SOURCE = """
(define square (lambda (x) (* x x)))
(define fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))
(define fib (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))
(define make-adder (lambda (k) (lambda (x) (+ x k))))
(define add5 (make-adder 5))
(define map (lambda (f xs) (if (null? xs) (list) (cons (f (car xs)) (map f (cdr xs))))))
(define range (lambda (a b) (if (>= a b) (list) (cons a (range (+ a 1) b)))))
(square 12)
(fact 20)
(fact 30)
(fib 15)
(add5 37)
(map square (range 0 10))
(map (make-adder 100) (list 1 2 3))
(if (= (fact 5) 120) "fact ok" "fact broken")
(begin (define x 10) (set! x (+ x 1)) x)
(/ 7 2)
(undefined-symbol 1)
(car (list))
"""

class LispError(Exception):
    pass

def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c in "()":
            tokens.append(c)
            i += 1
        elif c.isspace():
            i += 1
        elif c == '"':
            j = src.index('"', i + 1)
            tokens.append(src[i:j + 1])
            i = j + 1
        else:
            j = i
            while j < len(src) and not src[j].isspace() and src[j] not in "()":
                j += 1
            tokens.append(src[i:j])
            i = j
    return tokens

def parse(tokens, pos=0):
    tok = tokens[pos]
    if tok == "(":
        items = []
        pos += 1
        while tokens[pos] != ")":
            item, pos = parse(tokens, pos)
            items.append(item)
        return items, pos + 1
    if tok.startswith('"'):
        return ("str", tok[1:-1]), pos + 1
    try:
        return int(tok), pos + 1
    except ValueError:
        return tok, pos + 1

class Env(dict):
    def __init__(self, params=(), args=(), outer=None):
        super().__init__(zip(params, args))
        self.outer = outer
    def find(self, name):
        env = self
        while env is not None:
            if name in env:
                return env
            env = env.outer
        raise LispError("unbound symbol: " + name)

def car(xs):
    if not xs:
        raise LispError("car of empty list")
    return xs[0]

GLOBAL = Env()
GLOBAL.update({
    "+": lambda *a: sum(a), "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "<": lambda a, b: a < b, ">=": lambda a, b: a >= b,
    "=": lambda a, b: a == b, "list": lambda *a: list(a), "car": car,
    "cdr": lambda xs: xs[1:], "cons": lambda x, xs: [x] + xs, "null?": lambda xs: xs == [],
})

def evaluate(x, env):
    while True:
        if isinstance(x, str):
            return env.find(x)[x]
        if isinstance(x, int):
            return x
        if isinstance(x, tuple):
            return x[1]
        op = x[0]
        if op == "define":
            env[x[1]] = evaluate(x[2], env)
            return None
        if op == "set!":
            env.find(x[1])[x[1]] = evaluate(x[2], env)
            return None
        if op == "if":
            x = x[2] if evaluate(x[1], env) else x[3]
            continue
        if op == "lambda":
            params, body = x[1], x[2]
            return lambda *args: evaluate(body, Env(params, args, env))
        if op == "begin":
            for sub in x[1:-1]:
                evaluate(sub, env)
            x = x[-1]
            continue
        fn = evaluate(op, env)
        args = [evaluate(a, env) for a in x[1:]]
        return fn(*args)

def to_str(v):
    if isinstance(v, list):
        return "(" + " ".join(to_str(i) for i in v) + ")"
    if v is True:
        return "#t"
    if v is False:
        return "#f"
    return str(v)

tokens = tokenize(SOURCE)
print(len(tokens), "tokens")
pos = 0
n = 0
while pos < len(tokens):
    expr, pos = parse(tokens, pos)
    n += 1
    try:
        result = evaluate(expr, GLOBAL)
    except LispError as e:
        print(f"[{n}] error: {e}")
        continue
    if result is not None:
        print(f"[{n}] {to_str(result)}")
print(sorted(k for k in GLOBAL if k[0].isalpha()))
