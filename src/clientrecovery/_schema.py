"""The JSON Schema of a document (private), generated from the model's classes."""

from __future__ import annotations

import collections.abc
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

from clientrecovery import events as ev
from clientrecovery._codec import type_hints
from clientrecovery._layout import _DURATION, SCHEMA_VERSION, SNAPSHOT_FIELDS
from clientrecovery.relationship import Relationship

__all__ = ["json_schema"]

_DATE_TIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?([+-]\d{2}:\d{2}|Z)$"
_DECIMAL = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"


def json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) of the document, generated from the model's classes.

    A CRM in another language can validate documents with it before sending them; loading
    checks more than a schema can (the history is replayed against the method's rules).
    """
    defs: dict[str, Any] = {}

    def of(tp: Any) -> dict[str, Any]:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp is type(None):
            return {"type": "null"}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is Decimal:
            return {"type": "string", "pattern": _DECIMAL}
        if tp is datetime:
            return {"type": "string", "format": "date-time", "pattern": _DATE_TIME}
        if tp is date:
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if tp is timedelta:
            return {"type": "string", "pattern": _DURATION.pattern}
        if isinstance(tp, type) and issubclass(tp, Enum):
            return {"enum": [m.value for m in tp]}
        if origin in (types.UnionType, typing.Union):
            return {"anyOf": [of(a) for a in args]}
        if origin is tuple:
            return {"type": "array", "items": of(args[0])}
        if origin in (Mapping, dict, collections.abc.Mapping):
            return {
                "type": "object",
                "propertyNames": of(args[0]),
                "additionalProperties": of(args[1]),
            }
        if tp is ev.Event:
            return {"$ref": "#/$defs/Event"}
        if attrs.has(tp):
            return {"$ref": f"#/$defs/{_define(tp)}"}
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new field type

    def _define(cls: type) -> str:
        name = cls.__name__
        if name in defs:
            return name
        defs[name] = {}  # reserve the name: classes may refer to each other
        hints = type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if issubclass(cls, ev.Event):
            properties["type"] = {"const": name}
            required.append("type")
        for field in attrs.fields(cls):
            properties[field.name] = of(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        defs[name] = {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        return name

    defs["Event"] = {"oneOf": [{"$ref": f"#/$defs/{_define(cls)}"} for cls in ev.EVENT_TYPES]}
    relationship_hints = type_hints(Relationship)
    snapshot: dict[str, Any] = {}
    for name in SNAPSHOT_FIELDS:
        tp = relationship_hints.get(name)
        if tp is None:  # a property
            tp = type_hints(getattr(Relationship, name).fget)["return"]
        snapshot[name] = of(tp)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"clientrecovery relationship document, schema_version {SCHEMA_VERSION}",
        "type": "object",
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            **snapshot,
            "history": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Event"}},
        },
        "required": ["schema_version", "history"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }
