# A worker for test_named_workers.py: what it exports, main calls.
import sys
from pyscript import config


def add(a, b):
    return a + b


def interpreter():
    return sys.implementation.name


def marker():
    return config.get("marker", "")


__export__ = ["add", "interpreter", "marker"]
