# raise SystemExit(3): no traceback, status 3.
print("exiting")
raise SystemExit(3)
