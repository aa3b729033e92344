# The worker side of the suite: main offers sync.label (the context's
# name) and reads sync.results once ready. Without SharedArrayBuffer,
# sync.label() returns a promise.
from pyscript import sync, config
import harness

label = sync.label()
if not isinstance(label, str):
    label = await label  # noqa: F704 (the worker runs with async=True)
_results = await harness.main(label, config["test_modules"])  # noqa: F704
sync.results = lambda: _results
