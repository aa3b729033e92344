# Spec §4-5: js_import in workers, sync on the main thread.
from harness import case, expect, raises, MAIN
from pyscript import sync, js_import
from test_window import SAB

SYNC = "pyscript.sync works only when running in a worker"


@case("C44", ("W", "NW"))
async def js_import_in_a_worker():
    mods = await js_import("./greeting.js")
    expect(mods.length, 1)  # main's array, seen through a proxy
    expect(mods[0].hello(), "Hello from JavaScript!")


# The original gives None here; execctx gives a NotSupported with the
# reason (README, "differences").
@case("C45", ("W0",))
async def js_import_without_shared_memory():
    expect(await raises(TypeError, js_import, "./greeting.js"), SAB)


@case("C46", MAIN)
async def sync_attribute_on_main():
    expect(await raises(AttributeError, lambda: sync.sleep), SYNC)


@case("C47", MAIN)
async def sync_call_on_main():
    expect(await raises(TypeError, sync), SYNC)
