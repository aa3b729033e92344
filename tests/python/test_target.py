# Spec §9: current_target().
from harness import case, expect, TYPE
from pyscript import current_target


# The driver runs the main suite for a <script type="mpy"> element of the
# page, the first script execctx sees.
@case("C85", ("M",))
def first_main_script():
    expect(current_target(), TYPE + "-0")


# The browser worker runs for <script id="{type}-w1" worker>, as in
# PyScript's own test harness.
@case("C86", ("W",))
def worker_script():
    expect(current_target(), TYPE + "-w1-target")


@case("C92", ("W0", "NW", "NM"))
def no_target():
    expect(current_target(), "")
