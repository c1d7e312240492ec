"""Support module without __all__: star-import takes public names only."""
public_value = 1
_private_value = 2


def public_func():
    return "public"
