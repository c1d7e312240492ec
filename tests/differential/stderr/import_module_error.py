# An exception raised inside an imported support module.
import _faulty_module

print("calling into the module")
_faulty_module.explode(2)
