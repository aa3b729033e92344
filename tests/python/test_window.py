# Spec §4: window and document.
from harness import case, expect, raises, DOM
from pyscript import window, document

SAB = ("Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. "
       "See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer")


@case("C34 C35", DOM)
def window_has_the_document():
    if not window.document:
        raise AssertionError("window.document is falsy")


@case("C36", DOM)
def title_round_trip():
    before = document.title
    document.title = "A new title"
    expect(document.title, "A new title")
    document.title = before


@case("C37", ("M",))
def window_is_js_on_main():
    import js

    expect(window is js, True)


@case("C38", ("W0",))
def repr_without_shared_memory():
    expect(repr(window), "<NotSupported pyscript.window [%s]>" % SAB)


@case("C39", ("W0",))
async def document_without_shared_memory():
    expect(await raises(AttributeError, lambda: document.title), SAB)
