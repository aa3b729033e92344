# A worker whose __export__ names a function it never defines.
def present():
    return 1


__export__ = ["present", "absent"]
