# Spec §8: NotSupported, as the Python original.
from harness import case, expect, raises, ANY
from pyscript.context import NotSupported

MSG = "This is not supported."


@case("C80", ANY)
def repr_names_it():
    expect(repr(NotSupported("test_feature", "Feature not available")),
           "<NotSupported test_feature [Feature not available]>")


@case("C81 C82", ANY)
async def get_and_set_raise_attribute_error():
    ns = NotSupported("test_feature", MSG)
    expect(await raises(AttributeError, lambda: ns.some_attr), MSG)
    expect(await raises(AttributeError, setattr, ns, "some_attr", 1), MSG)


@case("C83", ANY)
async def calls_raise_type_error():
    ns = NotSupported("test_feature", MSG)
    expect(await raises(TypeError, ns), MSG)
    expect(await raises(TypeError, ns, 1, 2, 3), MSG)


@case("C84", ANY)
def name_error_truth():
    ns = NotSupported("test_feature", MSG)
    expect((ns.name, ns.error, bool(ns), hasattr(ns, "x")), ("test_feature", MSG, True, False))
