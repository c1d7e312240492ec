# Uncaught exception raised three calls deep.

def parse_record(text):
    key, value = text.split("=")
    return key, int(value)


def load(lines):
    return dict(parse_record(line) for line in lines if line)


def main():
    print("loading")
    config = load(["a=1", "b=2", "c=three"])
    print(config)


main()
