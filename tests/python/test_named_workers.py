# Named workers (spec §5.3, §7.3): create_named_worker, PyWorker's name,
# workers[name], and __export__. Main only: a worker has none of them.
from harness import case, expect, raises, MAIN, WORKER, TYPE
import pyscript

OTHER = "py" if TYPE == "mpy" else "mpy"
IMPLEMENTATION = {"mpy": "micropython", "py": "cpython"}  # sys.implementation.name


@case("C71", MAIN)
async def create_named_worker_and_workers():
    from pyscript import create_named_worker, workers

    calc = await create_named_worker(src="./named_worker.py", name="calc-" + TYPE, type=TYPE)
    expect(await calc.add(1, 2), 3)
    again = await workers["calc-" + TYPE]
    expect(await again.add(3, 4), 7)
    # no config: the worker gets main's
    expect(await calc.marker(), "")


# A config given, and the other interpreter (C77): PyScript's
# MicroPython main with a Pyodide worker, and the reverse.
@case("C72 C73 C77", MAIN)
async def named_worker_with_config_and_other_type():
    from pyscript import create_named_worker

    w = await create_named_worker("./named_worker.py", "other-" + TYPE, config={"marker": "from main"}, type=OTHER)
    expect(await w.marker(), "from main")
    got = await w.interpreter()
    expect(got, IMPLEMENTATION[OTHER])


@case("C74", MAIN)
async def item_and_attribute_access():
    from pyscript import PyWorker, workers

    name = "by_attribute_" + TYPE
    pending = getattr(workers, name)  # asked before the worker exists
    PyWorker("./named_worker.py", type="mpy", name=name)
    expect(await (await pending).add(20, 22), 42)
    expect(await (await workers[name]).add(1, 1), 2)


@case("C75", MAIN)
def reserved_names_are_none():
    from pyscript import workers

    expect((workers["then"], workers.get, workers["next"]), (None, None, None))


# execctx's PyWorker registers its name too (the original's ignores it).
@case("PyWorker name", MAIN)
async def py_worker_name_registers():
    from pyscript import PyWorker, workers

    w = PyWorker("./named_worker.py", type="mpy", name="by-py-worker-" + TYPE)
    await w.ready
    expect(await w.sync.add(5, 6), 11)  # __export__ without the registry
    expect(await (await workers["by-py-worker-" + TYPE]).add(1, 2), 3)


# The registry rejects with it too, rather than waiting for ever.
@case("export NameError", MAIN)
async def missing_export_rejects_ready():
    from pyscript import PyWorker, workers

    w = PyWorker("./bad_export.py", type="mpy", name="bad-export-" + TYPE)
    try:
        msg = await raises(Exception, lambda: w.ready)
    finally:
        w.terminate()
    if "NameError" not in msg or "absent" not in msg:
        raise AssertionError(msg)
    named = await raises(Exception, lambda: workers["bad-export-" + TYPE])
    if "NameError" not in named:
        raise AssertionError(named)


@case("C76", WORKER)
async def workers_are_main_only():
    async def from_import(name):
        exec("from pyscript import " + name)

    await raises(ImportError, from_import, "workers")
    await raises(ImportError, from_import, "create_named_worker")
    await raises(ImportError, __import__, "pyscript.workers")
    expect(hasattr(pyscript, "workers"), False)
