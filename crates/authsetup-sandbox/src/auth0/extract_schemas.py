#!/usr/bin/env python3
"""Regenerates schemas.json: the request-body schemas the emulator validates against.

Source: auth0/docs-v2 main/docs/oas/management/v2/management-api-oas.json @ 7025885d (MIT),
stored at shared/reference/specs/auth0-management-api-oas.json. Only the request schemas the
emulator serves and everything they reference are kept; prose and vendor extensions are dropped.

usage: python3 extract_schemas.py ../../../../shared/reference/specs/auth0-management-api-oas.json > schemas.json
"""
import json
import sys

ROOTS = [
    "CreateResourceServerRequestContent",
    "UpdateResourceServerRequestContent",
    "UpdateTenantSettingsRequestContent",
    "CreateClientGrantRequestContent",
    "UpdateClientGrantRequestContent",
    "CreateConnectionRequestContent",
    "UpdateConnectionRequestContent",
    "CreateClientRequestContent",
    "UpdateClientRequestContent",
    "UpdateEnabledClientConnectionsRequestContent",
]
DROP = {"description", "default", "examples", "example", "format", "title"}


def main():
    spec = json.load(open(sys.argv[1]))
    schemas = spec["components"]["schemas"]
    keep = {}

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    name = value.rsplit("/", 1)[-1]
                    if name not in keep:
                        keep[name] = None
                        walk(schemas[name])
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    def strip(node, in_properties=False):
        if isinstance(node, dict):
            return {
                k: strip(v, k == "properties")
                for k, v in node.items()
                if in_properties or (k not in DROP and not k.startswith("x-"))
            }
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    for root in ROOTS:
        keep[root] = None
        walk(schemas[root])
    out = {
        "_source": "auth0/docs-v2 main/docs/oas/management/v2/management-api-oas.json @ 7025885d, MIT licence",
        "schemas": {name: strip(schemas[name]) for name in sorted(keep)},
    }
    json.dump(out, sys.stdout, separators=(",", ":"), sort_keys=False)
    sys.stdout.write("\n")


main()
