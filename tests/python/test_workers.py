# Spec §7: PyWorker from Python, and its error paths.
from harness import case, expect, raises, MAIN, WORKER, TYPE
from pyscript import PyWorker

MAIN_ONLY = "pyscript.PyWorker works only when running in the main thread"


@case("C66", WORKER)
async def py_worker_in_a_worker():
    expect(await raises(TypeError, PyWorker, "x.py"), MAIN_ONLY)


@case("unknown type", MAIN)
async def unknown_type_names_the_allowed_ones():
    msg = await raises(ValueError, PyWorker, "./report_config.py", type="zzz")
    if 'type must be either "micropython" or "pyodide" (aliases "mpy", "py")' not in msg or '"zzz"' not in msg:
        raise AssertionError(msg)


async def _ready_error(url):
    """The exception `await PyWorker(url).ready` raises."""
    w = PyWorker(url, type=TYPE)
    try:
        await w.ready
    except Exception as e:
        return e
    finally:
        w.terminate()
    raise AssertionError("ready resolved")


# str(e) as Python code reads it: no harness.message() unwrapping here.
@case("worker raises", MAIN)
async def python_exception_rejects_ready():
    msg = str(await _ready_error("./raises.py"))
    if "Traceback" not in msg or "ValueError: the worker's Python failed" not in msg:
        raise AssertionError(msg)


@case("worker 404", MAIN)
async def missing_script_rejects_ready():
    msg = str(await _ready_error("./nowhere.py"))
    if "the worker's Python file" not in msg or "nowhere.py" not in msg:
        raise AssertionError(msg)


# MicroPython's own JsException reads as (<JsProxy>, name, message);
# execctx's reads as the message. Pyodide's reads as "name: message".
@case("ready error text", MAIN)
async def ready_error_reads_as_its_message():
    e = await _ready_error("./nowhere.py")
    if not e.message.startswith("execctx: "):
        raise AssertionError(e.message)
    expect(str(e), e.message if TYPE == "mpy" else e.name + ": " + e.message)
