# A named worker (its tag: <script type="mpy" worker name="mpy-calc">).
from pyscript import config, current_target, document


def add(a, b):
    return a + b


def where():
    return current_target() + " " + config["name"]


document.getElementById(current_target()).textContent = "mpy worker wrote this"
__export__ = ["add", "where"]
