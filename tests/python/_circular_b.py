"""Support module: imports _circular_a while _circular_a is still initializing."""
import _circular_a

B_VALUE = "b"
SEEN_A_EARLY = getattr(_circular_a, "A_EARLY", None)
SEEN_A_LATE = getattr(_circular_a, "A_LATE", None)
