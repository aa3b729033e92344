# Spec §6: js_modules, from the settings file's main and worker tables.
from harness import case, expect, raises, MAIN


@case("C57", MAIN)
def main_module_on_main():
    from pyscript.js_modules import greeting

    expect(greeting.hello(), "Hello from JavaScript!")


@case("C58", ("W", "NW"))
def main_module_in_a_worker():
    from pyscript.js_modules import greeting

    expect(greeting.hello(), "Hello from JavaScript!")


@case("C59", ("W", "W0", "NW"))
def worker_module_in_a_worker():
    from pyscript.js_modules import greeting_worker

    expect(greeting_worker.hello(), "Hello from JavaScript in a web worker!")


@case("C60", MAIN)
async def worker_module_on_main():
    def imp():
        from pyscript.js_modules import greeting_worker  # noqa: F401

    await raises(ImportError, imp)


@case("C61", MAIN)
def three_import_forms():
    from pyscript.js_modules.greeting import hello
    from pyscript.js_modules import greeting
    from pyscript import js_modules

    expect(hello(), greeting.hello())
    expect(js_modules.greeting.hello(), greeting.hello())


# Without SharedArrayBuffer main's modules cannot be proxied: execctx does
# not offer them, where the original listed them and failed on use.
@case("C64", ("W0",))
async def main_module_without_shared_memory():
    def imp():
        from pyscript.js_modules import greeting  # noqa: F401

    await raises(ImportError, imp)
