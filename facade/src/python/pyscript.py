# The Python face of execctx: registers the modules `pyscript` and
# `pyscript.context` in the interpreter that runs it. It only adapts: every
# value comes from the execctx context of this realm, through the JS module
# `_execctx` that execctx registers first.
import sys
import json
import js
import _execctx


class NotSupported:
    """A name that does not work here; any use raises with the exact message."""

    def __init__(self, name, error):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "error", error)

    def __repr__(self):
        return f"<NotSupported {self.name} [{self.error}]>"

    def __getattr__(self, attr):
        raise AttributeError(self.error)

    def __setattr__(self, attr, value):
        raise AttributeError(self.error)

    def __call__(self, *args):
        raise TypeError(self.error)


def _value(name):
    # _execctx gives the JS value, or where it is NotSupported its name and
    # message.
    ns = _execctx.not_supported(name)
    if ns:
        return NotSupported(ns.name, ns.message)
    return _execctx.value(name)


def _to_js(value):
    # A dict must reach JS as a plain object, not a proxy of the dict.
    try:
        from jsffi import to_js  # MicroPython

        return to_js(value)
    except ImportError:
        import js
        from pyodide.ffi import to_js

        return to_js(value, dict_converter=js.Object.fromEntries)


try:
    from jsffi import JsException as _NativeJsException  # MicroPython

    class JsException(_NativeJsException):
        """A JS error, as MicroPython raises it from a rejected promise, but
        with str() its message: the native one reads as the tuple
        (<JsProxy>, name, message). name, message and js_error are readable,
        as on Pyodide's JsException."""

        def __init__(self, js_error, name, message):
            super().__init__(message)
            self.js_error = js_error
            self.name = name
            self.message = message

except ImportError:  # Pyodide: its JsException already reads as "Name: message"
    _NativeJsException = None


async def _settled(promise):
    """Awaits a JS promise of execctx's; a rejection raises the JsException above."""
    try:
        return await promise
    except Exception as e:
        if _NativeJsException is None or not isinstance(e, _NativeJsException) or len(e.args) != 3:
            raise
        raise JsException(*e.args)


def _checked(result):
    # _execctx's guarded calls return {ok, value, error}: see run.js.
    if not result.ok:
        raise ValueError(result.error)
    return result.value


def current_target():
    """The id of the element display() writes to by default (spec §9)."""
    return _checked(_execctx.value("current_target")())


def _window():
    # On the main thread window is the js module itself, as in PyScript
    # (C37: `window is js`).
    value = _value("window")
    if isinstance(value, NotSupported) or _execctx.RUNNING_IN_WORKER:
        return value
    import js

    return js


def _py_worker():
    # PyWorker(url, **options), as the original (spec §7.1): Python passes
    # keywords, JS takes an options object.
    value = _value("PyWorker")
    if isinstance(value, NotSupported):
        return value

    def PyWorker(url, **options):
        return _Worker(_checked(value(url, _to_js(options))))

    return PyWorker


class _Worker:
    """What PyWorker returns: the JS handle's sync, terminate() and worker,
    and ready, which raises a rejection as a JsException whose str() is
    the message (on MicroPython; see JsException)."""

    def __init__(self, handle):
        self._handle = handle
        self.sync = handle.sync
        self.worker = handle.worker

    @property
    def ready(self):
        # a new awaitable each time, so that ready can be awaited again
        return self._ready()

    async def _ready(self):
        await _settled(self._handle.ready)
        return self

    def terminate(self):
        return self._handle.terminate()


def _js_import():
    value = _value("js_import")
    if isinstance(value, NotSupported):
        return value

    async def js_import(*urls):
        return await _settled(value(*urls))

    return js_import


class _Module:
    # MicroPython cannot make module objects; any object in sys.modules
    # imports, as PyScript's own js_modules proxy shows.
    def __init__(self, name, values):
        self.__name__ = name
        for k, v in values.items():
            setattr(self, k, v)


def _module(name, values):
    m = _Module(name, values)
    sys.modules[name] = m
    return m


# js_modules: `from pyscript.js_modules import greeting` and
# `from pyscript.js_modules.greeting import hello` both work (spec §6.4).
_js_modules = _Module("pyscript.js_modules", {})
for _name in _execctx.js_module_names:
    _ns = getattr(_execctx.value("js_modules"), _name)
    setattr(_js_modules, _name, _ns)
    sys.modules["pyscript.js_modules." + _name] = _ns
sys.modules["pyscript.js_modules"] = _js_modules

_names = {
    "RUNNING_IN_WORKER": bool(_execctx.RUNNING_IN_WORKER),
    "config": json.loads(_execctx.config_json),
    "window": _window(),
    "document": _value("document"),
    "sync": _value("sync"),
    "js_import": _js_import(),
    "PyWorker": _py_worker(),
    "current_target": current_target,
    "js_modules": _js_modules,
}
_context = _module("pyscript.context", dict(_names, NotSupported=NotSupported))


# pyscript.util, as the original's: the context's NotSupported itself.
def as_bytearray(buffer):
    """A JS ArrayBuffer's bytes as a Python bytearray."""
    view = js.Uint8Array.new(buffer)
    if hasattr(view, "to_py"):  # Pyodide copies it in one go
        return bytearray(view.to_py())
    size = view.length
    out = bytearray(size)
    for i in range(size):
        out[i] = view[i]
    return out


def is_awaitable(obj):
    """Whether obj is an async function (or an async bound method or closure)."""
    import inspect

    if sys.implementation.name != "micropython":
        return inspect.iscoroutinefunction(obj)
    # MicroPython's async functions are generator functions; a closure or a
    # bound method says so only in its repr.
    r = repr(obj)
    if "<closure <generator>" in r or ("<bound_method" in r and "<generator>" in r):
        return True
    return inspect.isgeneratorfunction(obj)


_util = _module("pyscript.util", {
    "NotSupported": NotSupported,
    "as_bytearray": as_bytearray,
    "is_awaitable": is_awaitable,
})


# pyscript.fetch: the original's wrapper over the realm's fetch. The
# promise fetch returns has the response's readers too, so that
# `await fetch(url).json()` reads in one await.
class _FetchResponse:
    def __init__(self, response):
        self._response = response

    def __getattr__(self, attr):  # ok, status, statusText, headers, ...
        return getattr(self._response, attr)

    async def arrayBuffer(self):
        buffer = await self._response.arrayBuffer()
        if hasattr(buffer, "to_py"):  # Pyodide: a memoryview
            return buffer.to_py()
        return memoryview(as_bytearray(buffer))

    async def blob(self):
        return await self._response.blob()

    async def bytearray(self):
        return as_bytearray(await self._response.arrayBuffer())

    async def json(self):
        return json.loads(await self.text())

    async def text(self):
        return await self._response.text()


def _reader(promise, name):
    async def read():
        if promise._response is None:
            await promise
        return await getattr(promise._response, name)()

    return read


def fetch(url, **options):
    """fetch(url, method=..., headers=..., body=...): a JS promise of a response; see the README."""
    # As the original: the options travel as JSON, so body is text. What
    # json.dumps cannot hold is its TypeError; MicroPython's json.dumps
    # writes such values as reprs, which JSON.parse rejects: a ValueError
    # here (the original's JS SyntaxError, which MicroPython cannot catch).
    js_options = _checked(_execctx.value("parse_json")(json.dumps(options)))

    def on_response(response, *_):
        promise._response = _FetchResponse(response)
        return promise._response

    promise = _execctx.value("fetch")(url, js_options).then(on_response)
    promise._response = None
    for name in ("arrayBuffer", "blob", "bytearray", "json", "text"):
        setattr(promise, name, _reader(promise, name))
    return promise


_fetch = _module("pyscript.fetch", {"fetch": fetch})
_extra = {"fetch": fetch, "util": _util}


# Named workers (spec §7.3), on the main thread only: a worker's pyscript
# has neither workers nor create_named_worker, and pyscript.workers does
# not import there, as in the original.
class _Workers:
    """workers[name] and workers.name: a promise of the named worker's sync (its __export__ names)."""

    def __getitem__(self, name):
        # None for the names polyscript reserves ("then", "get", ...)
        answer = _execctx.value("named_worker")(name)
        return answer.promise if answer.found else None

    def __getattr__(self, name):
        return self[name]


async def create_named_worker(src, name, config=None, type="py"):
    """Starts src in a worker registered as name and returns `await workers[name]`.

    As the original's <script worker name> tag: the worker is async, and
    without a config (None, {}, "") it gets main's config."""
    options = {"type": type, "name": name, "async": True, "config": config or _names["config"]}
    _names["PyWorker"](src, **options)
    return await workers[name]


def _export(namespace):
    # A worker's __export__ names, offered to main through sync once its
    # code has run (run.js calls this before the worker is ready).
    for name in namespace.get("__export__") or []:
        if name not in namespace:
            raise NameError("name '%s' is not defined" % name)
        setattr(_names["sync"], name, namespace[name])


if not _names["RUNNING_IN_WORKER"]:
    workers = _Workers()
    _module("pyscript.workers", {"workers": workers, "create_named_worker": create_named_worker})
    _extra.update(workers=workers, create_named_worker=create_named_worker)
_package = _module("pyscript", dict(_names, context=_context, _export=_export, **_extra))
