"""Kept recipes: the app's frozen dataclasses made again from what ``dataclasses`` made last run.

Why: with the methods' compiled code kept (``dataclass_code``), making a class still costs
``dataclasses._process_class`` about 0.5 M instructions: it inspects every annotation, makes
the ``Field`` objects and writes the text of six methods, for the ~90 classes a ``workshop
export`` imports (~45 M of the 90-exercise export's ~450 M beyond a start, issue 15). What it
makes is fixed by what the class says, so the first run records, per class, the compiled code
of each method it wrote (with the class's ``__match_args__`` and ``__doc__``) under a key of
everything ``_process_class`` reads from the class; a later run with the same key makes the
fields and the functions directly (``types.FunctionType`` over the same code, closure,
defaults and annotations), which is what ``dataclasses`` itself ends up doing.

Safe by construction and checked: a recipe is kept only after the functions it would make were
compared with the ones ``dataclasses`` made (same code, the same objects in the closure, the
same defaults and annotations) and the fields were what the recipe makes; only the app's own
classes of the plain ``@dataclass(frozen=True)`` form, with string annotations (no ClassVar,
InitVar, KW_ONLY), no dataclass bases and no ``field()`` options beyond a default or a factory,
on CPython 3.11 (whose ``dataclasses`` this follows; other versions make every class as
always). Anything else, or a key not seen before, goes through ``dataclasses`` as always.
Recipes live in the module's ``dataclass_code`` file (sealed, per Python), next to the codes.
"""

from __future__ import annotations

import abc
import atexit
import dataclasses
import sys
from types import CellType, CodeType, FunctionType, MemberDescriptorType
from typing import Any

from workshop_tui.core import dataclass_code as _code

ENABLED = sys.version_info[:2] == (3, 11) and hasattr(dataclasses, "_process_class")
"""Only the ``dataclasses`` this module follows (its internals change between versions)."""
_VERSION = tuple(sys.version_info[:3])
_PLAIN = (True, True, True, False, False, True, True, False, False, False)
"""``@dataclass(frozen=True)``: init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
slots, weakref_slot."""
_METHODS = ("__init__", "__repr__", "__eq__", "__setattr__", "__delattr__", "__hash__")
_MISSING: Any = dataclasses.MISSING
_Field: Any = dataclasses.Field
_real: Any = getattr(dataclasses, "_process_class", None)
_internals: Any = dataclasses  # the private names read below (``_HAS_DEFAULT_FACTORY`` …)


def install() -> None:
    """Make the app's plain frozen classes through kept recipes (CPython 3.11 only, once)."""
    if ENABLED and _internals._process_class is not _process:
        _internals._process_class = _process


def _process(cls: type, *options: Any) -> type:
    """``dataclasses._process_class``, from a kept recipe when there is one for this class."""
    module = cls.__module__
    space = sys.modules.get(module)
    if options != _PLAIN or space is None or not module.startswith("workshop_tui."):
        return _real(cls, *options)  # type: ignore[no-any-return]
    key = _key(cls, space.__dict__)
    if key is None:
        return _real(cls, *options)  # type: ignore[no-any-return]
    cached = _code._cached.get(module)
    if cached is None:
        cached = _code._cached[module] = _code._read(module)
    recipe = cached.get(key)
    if isinstance(recipe, tuple) and _made(cls, recipe, space.__dict__):
        _code._used.setdefault(module, {})[key] = recipe
        return cls
    defaults = {name: getattr(cls, name, _MISSING) for name in cls.__dict__["__annotations__"]}
    before = set(cls.__dict__)
    undocumented = not cls.__doc__
    used = _code._used.setdefault(module, {})
    texts = set(used)
    made = _real(cls, *options)
    try:
        recipe = _recipe(made, defaults, before, undocumented, space.__dict__)
    except (KeyError, AttributeError, TypeError):
        recipe = None
    if recipe is not None:
        for text in set(used) - texts:
            del used[text]  # its methods' texts: the recipe holds their code
        used[key] = recipe
        _code._dirty.add(module)
        if not _code._at_exit:
            _code._at_exit = True
            atexit.register(_code.save)
    return made  # type: ignore[no-any-return]


def _key(cls: type, space: dict[str, Any]) -> tuple[Any, ...] | None:
    """All that ``_process_class`` reads from a plain frozen class, or None when it is not plain."""
    own = cls.__dict__
    annotations = own.get("__annotations__")
    if not annotations or "__hash__" in own:
        return None  # (a class's own __eq__ leaves a __hash__ that ``dataclasses`` replaces: as always)
    if any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]):
        return None
    kinds: list[Any] = []
    for name, annotation in annotations.items():
        if type(annotation) is not str or _special(annotation, space):
            return None
        default = getattr(cls, name, _MISSING)
        if default is _MISSING:
            kinds.append(0)
        elif isinstance(default, MemberDescriptorType):
            return None
        elif isinstance(default, _Field):
            if default.metadata or default.kw_only is not _MISSING or default.name is not None:
                return None
            simple = (default.init, default.repr, default.hash, default.compare) == (True, True, None, True)
            if not simple or (default.default is _MISSING) == (default.default_factory is _MISSING):
                return None
            kinds.append(2 if default.default is _MISSING else 3)
        else:
            kinds.append(1)
    for name, value in own.items():
        if isinstance(value, _Field) and name not in annotations:
            return None  # ``dataclasses`` refuses it: as always
    return (
        _VERSION,
        cls.__qualname__,
        tuple(annotations.items()),
        tuple(kinds),
        tuple(own),
        hasattr(cls, "__post_init__"),
        not cls.__doc__,
    )


def _special(annotation: str, space: dict[str, Any]) -> bool:
    """An annotation ``dataclasses`` may read as ClassVar, InitVar or KW_ONLY (then: as always)."""
    if "ClassVar" in annotation or "InitVar" in annotation or "KW_ONLY" in annotation:
        return True
    head = annotation.split("[", 1)[0].strip()
    if "." in head:
        return True
    marker = space.get(head)
    typing = sys.modules.get("typing")
    return (
        marker is dataclasses.InitVar
        or marker is dataclasses.KW_ONLY
        or (typing is not None and marker is typing.ClassVar)
    )


def _fields(cls: type) -> dict[str, Any] | None:
    """The fields ``dataclasses`` makes for a plain class (None: a default it refuses)."""
    fields: dict[str, Any] = {}
    for name in cls.__dict__["__annotations__"]:
        default = getattr(cls, name, _MISSING)
        if isinstance(default, _Field):
            made = default
        else:
            made = _Field(default, _MISSING, True, True, None, True, None, _MISSING)
        if made.default.__class__.__hash__ is None:
            return None  # a mutable default: ``dataclasses`` says so
        fields[name] = made
    for name, annotation in cls.__dict__["__annotations__"].items():
        made = fields[name]
        made.name, made.type, made._field_type = name, annotation, _internals._FIELD
        if made.kw_only is _MISSING:
            made.kw_only = False
    return fields


def _made(cls: type, recipe: tuple[Any, ...], space: dict[str, Any]) -> bool:
    """Make ``cls`` a dataclass from ``recipe``; False (nothing changed) when it does not fit."""
    methods, match_args, doc = recipe
    fields = _fields(cls)
    if fields is None:
        return False
    try:  # every function made before the class is touched
        functions = [(name, _function(name, code, cls, fields, space)) for name, code in methods]
    except (KeyError, TypeError, ValueError):
        return False
    for made in fields.values():
        if isinstance(getattr(cls, made.name, None), _Field):
            if made.default is _MISSING:
                delattr(cls, made.name)
            else:
                setattr(cls, made.name, made.default)
    cls.__dataclass_params__ = _internals._DataclassParams(True, True, True, False, False, True)  # type: ignore[attr-defined]
    cls.__dataclass_fields__ = fields  # type: ignore[attr-defined]
    for name, function in functions:
        if name == "__repr__":
            function = _internals._recursive_repr(function)
        function.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, function)
    if doc is not None:
        cls.__doc__ = doc
    if match_args is not None:
        setattr(cls, "__match_args__", match_args)  # noqa: B010 - mypy knows no such attribute
    abc.update_abstractmethods(cls)
    return True


_CONSTANTS: dict[str, Any] = {
    "MISSING": _MISSING,
    "_HAS_DEFAULT_FACTORY": _internals._HAS_DEFAULT_FACTORY,
    "__dataclass_builtins_object__": object,
    "FrozenInstanceError": dataclasses.FrozenInstanceError,
}
"""The names ``dataclasses`` binds the same in every class's generated code."""


def _value(name: str, cls: type, fields: dict[str, Any]) -> Any:
    """What ``dataclasses`` binds to a name its generated code reads from its closure."""
    if name in _CONSTANTS:
        return _CONSTANTS[name]
    if name == "cls":
        return cls
    made = fields[name[6:]]
    if name.startswith("_dflt_"):
        return made.default if made.default_factory is _MISSING else made.default_factory
    if name.startswith("_type_"):
        return made.type
    raise KeyError(name)  # not a name ``dataclasses`` writes: the recipe is not kept


def _function(name: str, code: CodeType, cls: type, fields: dict[str, Any], space: dict[str, Any]) -> Any:
    """One generated method, made from its kept code as ``dataclasses``' ``__create_fn__`` makes it."""
    closure = tuple(CellType(_value(free, cls, fields)) for free in code.co_freevars) or None
    defaults = None
    if name == "__init__":
        values = [
            made.default if made.default_factory is _MISSING else _internals._HAS_DEFAULT_FACTORY
            for made in fields.values()
            if made.default is not _MISSING or made.default_factory is not _MISSING
        ]
        defaults = tuple(values) or None
    function = FunctionType(code, space, name, defaults, closure)
    if name == "__init__":
        annotations: dict[str, Any] = {made.name: made.type for made in fields.values()}
        annotations["return"] = None
        function.__annotations__ = annotations
    return function


def _recipe(
    cls: type, defaults: dict[str, Any], before: set[str], undocumented: bool, space: dict[str, Any]
) -> tuple[Any, ...] | None:
    """What to keep of a class ``dataclasses`` just made, or None when a recipe would not make it the same."""
    own = cls.__dict__
    fields = own.get("__dataclass_fields__", {})
    if list(fields) != list(defaults):
        return None
    for name, made in fields.items():
        given = defaults[name]
        if isinstance(given, _Field):
            if made is not given:
                return None
        elif not (
            made.default is given
            and made.default_factory is _MISSING
            and (made.init, made.repr, made.hash, made.compare) == (True, True, None, True)
            and made.metadata is _internals._EMPTY_METADATA
        ):
            return None
        if made.kw_only is not False or made._field_type is not _internals._FIELD:
            return None
    methods = []
    for name in _METHODS:
        if name in before:
            continue
        real = own.get(name)
        inner = getattr(real, "__wrapped__", None) if name == "__repr__" else real
        if type(inner) is not FunctionType or not _same(name, inner, cls, fields, space):
            return None
        methods.append((name, inner.__code__))
    if set(own) - before - set(_METHODS) - {"__dataclass_params__", "__dataclass_fields__", "__match_args__"}:
        return None
    match_args = None if "__match_args__" in before else own.get("__match_args__")
    doc = own.get("__doc__") if undocumented else None
    return (tuple(methods), match_args, doc)


def _same(name: str, real: Any, cls: type, fields: dict[str, Any], space: dict[str, Any]) -> bool:
    """The function a recipe makes is the one ``dataclasses`` made (code, closure, defaults, annotations)."""
    made = _function(name, real.__code__, cls, fields, space)
    cells = real.__closure__ or ()
    mine = made.__closure__ or ()
    return (
        real.__globals__ is space
        and len(cells) == len(mine)
        and all(a.cell_contents is b.cell_contents for a, b in zip(cells, mine, strict=True))
        and len(real.__defaults__ or ()) == len(made.__defaults__ or ())
        and all(a is b for a, b in zip(real.__defaults__ or (), made.__defaults__ or (), strict=True))
        and real.__kwdefaults__ is None
        and list(real.__annotations__.items()) == list(made.__annotations__.items())
        and all(real.__annotations__[k] is made.__annotations__[k] for k in real.__annotations__)
        and real.__name__ == made.__name__
    )
