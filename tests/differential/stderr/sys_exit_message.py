# sys.exit("message") prints the message to stderr and exits with status 1.
import sys


def fail(reason):
    sys.exit("fatal: " + reason)


fail("configuration missing")
