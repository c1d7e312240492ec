# Support module: records module executions so tests can check import caching.
loads = []
