#!/usr/bin/env python3
"""Validate YAML descriptors against a JSON Schema with the independent `jsonschema` package.

Usage: validate_with_jsonschema.py SCHEMA.json FILE.yaml...

YAML is read with the YAML 1.2 core schema (PyYAML defaults to YAML 1.1, where `NO` is false and
dates become date objects), so the documents match what schouw's loader sees. Prints one line per
problem and exits 1 when any file is invalid.
"""
import json
import re
import sys

import jsonschema
import yaml


class CoreSchemaLoader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema resolvers instead of YAML 1.1's."""


CoreSchemaLoader.yaml_implicit_resolvers = {}
CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


def construct_core_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", construct_core_int)
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:bool",
                                 lambda loader, node: loader.construct_scalar(node).lower() == "true")


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = False
    for path in argv[2:]:
        with open(path, encoding="utf-8") as handle:
            document = yaml.load(handle, Loader=CoreSchemaLoader)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
        for error in errors:
            failed = True
            location = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {location}: {error.message}")
        if not errors:
            print(f"ok: {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
