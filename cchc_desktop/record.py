"""Frozen records read from plain data (TOML, JSON), checked field by field.

The catalogue is loaded at every start, before the first window is painted, so
it is made of light frozen records rather than pydantic models (importing
pydantic and building its validators costs about 100 ms and 20 MiB) or
dataclasses (each ``@dataclass`` compiles its methods when the class is
created: 0.7 ms a class). A :class:`Record` subclass declares its fields as a
dataclass does, with annotations, defaults and ``dataclasses.field(metadata=...)``;
it is built with keyword arguments, immutable, and compared and hashed by its
fields. :meth:`Record.model_validate` builds one from a mapping, checking each
field against its annotation, and raises :class:`Invalid` with every problem and
where it is (``indicators.0.kind``), in Vietnamese; :meth:`Record.model_dump`
and :meth:`Record.model_dump_json` write it back as pydantic would.

Annotations understood: ``str``, ``bool``, ``int``, ``Decimal`` (from an int, a
float or a numeric string), a ``StrEnum``, ``Literal[...]``, ``X | None``,
``tuple[X, ...]``, another record, ``str | Record``, and a union of records
told apart by their ``kind`` literal. ``metadata`` may give a ``pattern`` (for
text) and a ``min_length`` (for tuples).
"""

import dataclasses
import inspect
import json
import re
import types
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import (
    Any,
    ClassVar,
    Literal,
    Self,
    Union,
    dataclass_transform,
    get_args,
    get_origin,
)

Location = tuple[str | int, ...]
Problems = list[tuple[Location, str]]
Reader = Callable[[object, Location, Problems], Any]

_MISSING: Any = dataclasses.MISSING


class Invalid(ValueError):
    """The data does not make a record; ``problems`` are ``(location, words)`` pairs."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__("; ".join(self.lines()))

    def lines(self, limit: int | None = None, whole: str = "dữ liệu") -> list[str]:
        """``location: words`` for the first ``limit`` problems; ``whole`` names the root."""
        return [
            f"{'.'.join(str(part) for part in where) or whole}: {words}"
            for where, words in self.problems[:limit]
        ]


class _Spec:
    """A declared field: its annotation, default (``_MISSING`` if required), metadata."""

    __slots__ = ("annotation", "default", "metadata")

    def __init__(self, annotation: Any, default: Any, metadata: Mapping[str, Any]) -> None:
        self.annotation = annotation
        self.default = default
        self.metadata = metadata


@dataclass_transform(
    kw_only_default=True, frozen_default=True, field_specifiers=(dataclasses.field,)
)
class Record:
    """Base of the frozen records: fields from annotations, reading and writing plain data."""

    __slots__ = ()
    __record_fields__: ClassVar[dict[str, _Spec]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields = dict(cls.__record_fields__)  # the base class's first, as dataclasses do
        for name, annotation in inspect.get_annotations(cls).items():
            if ClassVar in (annotation, get_origin(annotation)):
                continue
            value = cls.__dict__.get(name, _MISSING)
            if isinstance(value, dataclasses.Field):
                fields[name] = _Spec(annotation, value.default, value.metadata)
                delattr(cls, name)
            else:
                fields[name] = _Spec(annotation, value, {})
        cls.__record_fields__ = fields

    def __init__(self, **values: Any) -> None:
        for name, spec in self.__record_fields__.items():
            value = values.pop(name, spec.default)
            if value is _MISSING:
                raise TypeError(f"{type(self).__name__}() is missing the field {name!r}")
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__}() has no field {', '.join(map(repr, values))}")
        self.__post_init__()

    def __post_init__(self) -> None:
        """Checks of the whole record, after its fields are set; ``ValueError`` if one fails."""

    def __setattr__(self, name: str, value: object) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__record_fields__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
        return f"{type(self).__name__}({shown})"

    @classmethod
    def model_validate(cls, data: object) -> Self:
        """The record built from ``data`` (a mapping); ``Invalid`` says every problem."""
        problems: Problems = []
        built = _build(cls, data, (), problems)
        if problems:
            raise Invalid(problems)
        return built  # type: ignore[no-any-return]

    def model_dump(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The fields as a dict, nested records as dicts (``mode="json"``: JSON types only)."""
        dumped = _dump(self, mode == "json")
        assert isinstance(dumped, dict)
        return dumped

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """The record as JSON text, in field order (decimals as strings, like pydantic)."""
        separators = (",", ": ") if indent is not None else (",", ":")
        return json.dumps(
            self.model_dump(mode="json"), ensure_ascii=False, indent=indent, separators=separators
        )


# -- reading -------------------------------------------------------------------------


class _Field:
    """How one field is read: by its annotation's reader, then its constraints."""

    __slots__ = ("min_length", "pattern", "read", "required")

    def __init__(self, spec: _Spec) -> None:
        pattern = spec.metadata.get("pattern")
        self.read = _reader(spec.annotation)
        self.required = spec.default is _MISSING
        self.pattern = None if pattern is None else re.compile(pattern)
        self.min_length: int | None = spec.metadata.get("min_length")


_PLANS: dict[type, dict[str, _Field]] = {}


def _plan(cls: type[Record]) -> dict[str, _Field]:
    """The fields of ``cls`` and how to read each (worked out once per class)."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = {name: _Field(spec) for name, spec in cls.__record_fields__.items()}
        _PLANS[cls] = plan
    return plan


def _build(cls: type[Record], data: object, where: Location, problems: Problems) -> Any:
    if isinstance(data, cls):
        return data
    if not isinstance(data, Mapping):
        problems.append((where, "phải là một bảng các trường"))
        return None
    before = len(problems)
    plan = _plan(cls)
    for key in data:
        if key not in plan:
            problems.append(((*where, key), "không có trường này"))
    values: dict[str, Any] = {}
    for name, spec in plan.items():
        if name not in data:
            if spec.required:
                problems.append(((*where, name), "còn thiếu"))
            continue
        here = (*where, name)
        value = spec.read(data[name], here, problems)
        if spec.pattern and isinstance(value, str) and not spec.pattern.fullmatch(value):
            problems.append((here, f"«{value}» sai định dạng mã"))
        if spec.min_length and isinstance(value, tuple) and len(value) < spec.min_length:
            problems.append((here, "không được để trống"))
        values[name] = value
    if len(problems) > before:
        return None
    try:
        return cls(**values)
    except ValueError as error:  # a check of the whole record (``__post_init__``)
        problems.append((where, str(error)))
        return None


_READERS: dict[Any, Reader] = {}


def _reader(annotation: Any) -> Reader:
    """The function reading a value of this annotation (made once per annotation)."""
    found = _READERS.get(annotation)
    if found is None:
        found = _READERS[annotation] = _make_reader(annotation)
    return found


def _make_reader(annotation: Any) -> Reader:
    simple = _SIMPLE.get(annotation)
    if simple is not None:
        return simple
    origin = get_origin(annotation)
    if origin is tuple:
        return _tuple_reader(_reader(get_args(annotation)[0]))
    if origin is Literal:
        return _choice_reader(get_args(annotation), None)
    if origin in (Union, types.UnionType):
        return _union_reader(get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice_reader(tuple(m.value for m in annotation), annotation)
    if isinstance(annotation, type) and issubclass(annotation, Record):
        record = annotation
        return lambda raw, where, problems: _build(record, raw, where, problems)
    raise TypeError(f"{annotation!r} is not a field type a record can read")


def _tuple_reader(item: Reader) -> Reader:
    def read(raw: object, where: Location, problems: Problems) -> Any:
        if not isinstance(raw, list | tuple):
            problems.append((where, "phải là một danh sách"))
            return ()
        return tuple(item(value, (*where, n), problems) for n, value in enumerate(raw))

    return read


def _choice_reader(allowed: tuple[Any, ...], enum: type[Enum] | None) -> Reader:
    words = f"phải là một trong: {', '.join(map(str, allowed))}"

    def read(raw: object, where: Location, problems: Problems) -> Any:
        if enum is not None and isinstance(raw, enum):
            return raw
        if isinstance(raw, str) and raw in allowed:
            return raw if enum is None else enum(raw)
        problems.append((where, words))
        return None

    return read


def _union_reader(members: tuple[Any, ...]) -> Reader:
    optional = type(None) in members
    members = tuple(m for m in members if m is not type(None))
    if len(members) == 1:
        only = _reader(members[0])
        if not optional:
            return only
        return lambda raw, where, problems: None if raw is None else only(raw, where, problems)
    records = tuple(m for m in members if isinstance(m, type) and issubclass(m, Record))
    text = str in members
    if set(members) != {*records, *((str,) if text else ())}:
        raise TypeError(f"{members!r}: a record reads only str or records in a union")
    by_kind = (
        {get_args(m.__record_fields__["kind"].annotation)[0]: m for m in records}
        if len(records) > 1
        else {}
    )
    kind_reader = _choice_reader(tuple(by_kind), None)

    def read(raw: object, where: Location, problems: Problems) -> Any:
        if raw is None and optional:
            return None
        if text and isinstance(raw, str):
            return raw
        if isinstance(raw, records):
            return raw
        if isinstance(raw, Mapping) and len(records) == 1:
            return _build(records[0], raw, where, problems)
        if isinstance(raw, Mapping) and by_kind:
            if "kind" not in raw:
                problems.append(((*where, "kind"), "còn thiếu"))
                return None
            kind = kind_reader(raw["kind"], (*where, "kind"), problems)
            return None if kind is None else _build(by_kind[kind], raw, where, problems)
        problems.append((where, "giá trị không hợp lệ"))
        return None

    return read


def _text(raw: object, where: Location, problems: Problems) -> Any:
    if isinstance(raw, str):
        return raw
    problems.append((where, "phải là văn bản"))
    return None


def _flag(raw: object, where: Location, problems: Problems) -> Any:
    if isinstance(raw, bool):
        return raw
    problems.append((where, "phải là true hoặc false"))
    return None


def _whole(raw: object, where: Location, problems: Problems) -> Any:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    problems.append((where, "phải là số nguyên"))
    return None


def _decimal(raw: object, where: Location, problems: Problems) -> Any:
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, int | float | str) and not isinstance(raw, bool):
        try:
            value = Decimal(str(raw).strip())
        except InvalidOperation:
            value = Decimal("NaN")
        if value.is_finite():
            return value
    problems.append((where, "phải là số"))
    return None


_SIMPLE: dict[Any, Reader] = {str: _text, bool: _flag, int: _whole, Decimal: _decimal}


# -- writing -------------------------------------------------------------------------


def _dump(value: object, as_json: bool) -> object:
    if isinstance(value, Record):
        return {name: _dump(getattr(value, name), as_json) for name in value.__record_fields__}
    if isinstance(value, tuple):
        items = [_dump(v, as_json) for v in value]
        return items if as_json else tuple(items)
    if isinstance(value, Enum):
        return value.value if as_json else value
    if isinstance(value, Decimal) and as_json:
        return str(value)
    return value
