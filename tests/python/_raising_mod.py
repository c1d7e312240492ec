"""Support module that fails while being imported."""
import _registry

_registry.loads.append(__name__)
value_before_error = 1
raise ZeroDivisionError("import-time failure")
