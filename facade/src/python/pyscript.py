# The Python face of execctx: registers the modules `pyscript` and
# `pyscript.context` in the interpreter that runs it. It only adapts: every
# value comes from the execctx context of this realm, through the JS module
# `_execctx` that execctx registers first.
import sys
import json
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
_package = _module("pyscript", dict(_names, context=_context))
