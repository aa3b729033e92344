# Spec §2: RUNNING_IN_WORKER.
from harness import case, expect, MAIN, WORKER
from pyscript import RUNNING_IN_WORKER
import pyscript.context


@case("C01", MAIN)
def main_is_not_a_worker():
    expect(RUNNING_IN_WORKER, False)


@case("C02", WORKER)
def worker_is_a_worker():
    expect(RUNNING_IN_WORKER, True)
    expect(pyscript.context.RUNNING_IN_WORKER, True)
