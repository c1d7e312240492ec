# Exception raised inside a generator while it is being consumed.

def numbers():
    yield 1
    yield 2
    raise ValueError("generator ran out of numbers")


def consume():
    total = 0
    for n in numbers():
        total += n
    return total


consume()
