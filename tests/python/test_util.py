# pyscript.util, as PyScript's: the context's NotSupported, as_bytearray
# and is_awaitable.
import js
from harness import case, expect, raises, ANY
from pyscript import util, context


def _buffer(data):
    buffer = js.ArrayBuffer.new(len(data))
    view = js.Uint8Array.new(buffer)
    for i, b in enumerate(data):
        view[i] = b
    return buffer


@case("util NotSupported", ANY)
async def not_supported_is_the_context_class():
    if util.NotSupported is not context.NotSupported:
        raise AssertionError("pyscript.util.NotSupported is another class")
    ns = util.NotSupported("pyscript.thing", "no thing here")
    expect(await raises(AttributeError, lambda: ns.x), "no thing here")
    expect(await raises(TypeError, ns), "no thing here")


@case("as_bytearray", ANY)
def as_bytearray_copies_every_byte():
    every = bytes(range(256))
    got = util.as_bytearray(_buffer(every))
    expect((type(got).__name__, got), ("bytearray", bytearray(every)))
    empty = util.as_bytearray(js.ArrayBuffer.new(0))
    expect((type(empty).__name__, len(empty)), ("bytearray", 0))


class _Thing:
    async def later(self):
        pass

    def now(self):
        pass


def _closures():
    prefix = "x"

    async def async_inner():
        return prefix

    def inner():
        return prefix

    return async_inner, inner


@case("is_awaitable", ANY)
def is_awaitable_tells_async_functions():
    async def coro():
        pass

    def plain():
        pass

    async_inner, inner = _closures()
    thing = _Thing()
    got = [util.is_awaitable(f) for f in (coro, async_inner, thing.later, plain, inner, thing.now, lambda: 1, print, len)]
    expect(got, [True, True, True, False, False, False, False, False, False])
