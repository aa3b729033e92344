# pyscript.fetch, as PyScript's: an awaitable response with Python
# readers, and the readers chained on the call itself. data: URLs work in
# every runtime; HTTP cases need the page's server (browsers only).
import json
from harness import case, expect, raises, ANY, TYPE
from pyscript import fetch

BROWSER = ("M", "W", "W0")
DATA = "data:application/json," + "%7B%22id%22%3A%201%2C%20%22done%22%3A%20false%7D"  # {"id": 1, "done": false}


@case("fetch module", ANY)
def fetch_is_one_function():
    from pyscript.fetch import fetch as from_module

    if from_module is not fetch:
        raise AssertionError("pyscript.fetch.fetch is not pyscript's fetch")


@case("fetch response", ANY)
async def awaited_response_reads():
    r = await fetch(DATA)
    expect((r.ok, r.status, r.statusText), (True, 200, "OK"))
    expect(await r.json(), {"id": 1, "done": False})
    r = await fetch(DATA)
    expect(json.loads(await r.text()), {"id": 1, "done": False})
    r = await fetch("data:text/plain,abc")
    expect(await r.bytearray(), bytearray(b"abc"))
    r = await fetch("data:text/plain,abc")
    expect(bytes(await r.arrayBuffer()), b"abc")
    r = await fetch("data:text/plain,abc")
    blob = await r.blob()
    expect((blob.size, blob.type), (3, "text/plain"))


@case("fetch chained", ANY)
async def readers_chain_on_the_call():
    expect(await fetch(DATA).json(), {"id": 1, "done": False})
    expect(await fetch("data:text/plain,abc").text(), "abc")
    expect(await fetch("data:text/plain,abc").bytearray(), bytearray(b"abc"))
    expect(bytes(await fetch("data:text/plain,abc").arrayBuffer()), b"abc")
    expect((await fetch("data:text/plain,abc").blob()).size, 3)


# Options reach the host's fetch: a body on a GET is the host's TypeError,
# which rejects the promise (no request is made).
@case("fetch options", ANY)
async def options_reach_the_host():
    msg = await raises(Exception, fetch, DATA, method="GET", body="x")
    if "GET" not in msg:
        raise AssertionError(msg)
    expect(await fetch(DATA, method="GET", headers={"Accept": "application/json"}).json(), {"id": 1, "done": False})


# As the original, options travel as JSON: a value JSON cannot hold fails
# fetch itself, before any request. CPython's json.dumps raises TypeError;
# MicroPython's writes the set's repr, which is not JSON: ValueError.
@case("fetch options JSON", ANY)
async def options_must_be_json():
    if TYPE == "py":
        msg = await raises(TypeError, fetch, DATA, body={1, 2})
        expect(msg, "Object of type set is not JSON serializable")
    else:
        msg = await raises(ValueError, fetch, DATA, body={1, 2})
        if "JSON" not in msg:
            raise AssertionError(msg)


# An HTTP error is an answer, not an exception; relative URLs resolve
# against the page, in workers too.
@case("fetch 404", BROWSER)
async def not_found_is_a_response():
    r = await fetch("./nowhere.py")
    expect((r.ok, r.status, r.statusText), (False, 404, "Not Found"))
    expect(isinstance(await r.text(), str), True)


@case("fetch relative", BROWSER)
async def relative_url_is_the_pages():
    settings = await fetch("./settings.json").json()
    if "test_fetch" not in settings["test_modules"]:
        raise AssertionError(settings)
    r = await fetch("./settings.json", method="GET")
    expect((r.ok, r.status, r.headers.get("content-type").startswith("application/json")), (True, 200, True))
