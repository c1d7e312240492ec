# A failing assert with a message, inside a loop.
def check(values):
    for i, v in enumerate(values):
        assert v >= 0, f"value {i} is negative: {v}"


check([1, 2, -3])
