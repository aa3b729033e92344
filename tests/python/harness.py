# The in-project runner of the Python suite. Test files register cases
# with @case(spec ids, contexts); main(label) runs the cases of one
# context and returns their results as JSON text, which the JS driver
# asserts and shows on the page. docs/conformance.md explains the ids.
#
# Contexts: M browser main thread, W browser worker with SharedArrayBuffer,
# W0 browser worker without it, NM Node main thread, NW Node worker thread.
import json
import sys

MAIN = ("M", "NM")
WORKER = ("W", "W0", "NW")
DOM = ("M", "W")
ANY = MAIN + WORKER

# "mpy" under MicroPython, "py" under Pyodide: what config["type"] and
# the ids PyScript assigns are named after.
TYPE = "mpy" if sys.implementation.name == "micropython" else "py"

_cases = []


def case(ids, contexts):
    """Registers the decorated function as the cases ids (space-separated) in contexts."""

    def register(fn):
        _cases.append((ids, contexts, fn))
        return fn

    return register


def expect(got, want):
    if got != want:
        raise AssertionError("got %r, want %r" % (got, want))


def message(e):
    """An exception's text; for MicroPython's JsException, the JS error's message."""
    if type(e).__name__ == "JsException" and len(e.args) == 3:
        return e.args[2]
    return str(e)


def _awaitable(r):
    # a coroutine (CPython), a generator (MicroPython's async def), or a
    # JS promise
    return hasattr(r, "send") or hasattr(r, "then")


async def raises(kind, fn, *args, **kwargs):
    """The text of the kind of exception fn(*args, **kwargs) raises, awaited if awaitable."""
    try:
        r = fn(*args, **kwargs)
        if _awaitable(r):
            await r
    except kind as e:
        return message(e)
    raise AssertionError("%s was not raised" % kind.__name__)


async def _run(fn):
    r = fn()
    if _awaitable(r):
        await r


async def main(label, modules):
    """Imports the test modules, runs the cases for label, returns JSON results."""
    for name in modules:
        __import__(name)
    results = []
    for ids, contexts, fn in _cases:
        if label not in contexts:
            continue
        try:
            await _run(fn)
            results.append({"ids": ids, "name": fn.__name__, "ok": True})
        except Exception as e:  # a failing case must not stop the others
            results.append({"ids": ids, "name": fn.__name__, "ok": False, "error": "%s: %s" % (type(e).__name__, message(e))})
    passed = len([r for r in results if r["ok"]])
    print("python suite in %s: %d of %d cases passed" % (label, passed, len(results)))
    return json.dumps(results)
