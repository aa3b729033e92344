# Spec §3: config, from the settings file every context of the suite is
# configured with (it also lists this suite's files, so Python can read
# it back from the file system).
import json
from harness import case, expect, ANY, MAIN, TYPE
from pyscript import config, PyWorker


def _raw():
    with open("settings.json") as f:
        return json.loads(f.read())


@case("C08", ANY)
def type_names_the_interpreter():
    expect(config["type"], TYPE)


@case("C09", ANY)
def every_key_of_the_file():
    raw = _raw()
    for key in raw:
        if key != "type":
            expect(config[key], raw[key])
    expect(raw["packages"], ["Pillow"])


@case("C10", ANY)
def a_type_key_is_overwritten():
    expect(_raw()["type"], "zzz")
    expect(config["type"], TYPE)


async def _worker_config(config):
    w = PyWorker("./report_config.py", type=TYPE, config=config)
    try:
        await w.ready
        return json.loads(await w.sync.config())
    finally:
        w.terminate()


# C11 differs from the original on purpose: the worker sees the file's
# config, not {"type": ...} alone (README, "differences").
@case("C11", MAIN)
async def worker_config_url():
    expect(await _worker_config("./worker_config.json"), {"from": "worker_config.json", "type": TYPE})


@case("C12", MAIN)
async def worker_config_object():
    expect(await _worker_config({"a": 1}), {"a": 1, "type": TYPE})
