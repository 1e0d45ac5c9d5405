#!/usr/bin/env python3
"""Checks a case folder with the tools its users have: every line of ftm.json must be a valid
entity under the followthemoney package's own model, with every entity reference resolving;
network.graphml must load with networkx. Exits non-zero with one line per problem.

Usage: tests/check_exports.py CASEFOLDER
"""
import json
import sys
from pathlib import Path

import networkx
from followthemoney import model
from followthemoney.exc import InvalidData


def main(folder: Path) -> int:
    problems = []
    proxies = []
    for n, line in enumerate((folder / "ftm.json").read_text().splitlines(), 1):
        try:
            data = json.loads(line)
            proxy = model.get_proxy(data, cleaned=False)
        except (InvalidData, ValueError) as e:
            problems.append(f"ftm.json:{n}: {e}")
            continue
        if proxy.schema.abstract:
            problems.append(f"ftm.json:{n}: abstract schema {proxy.schema.name}")
        for prop, values in data["properties"].items():
            p = proxy.schema.get(prop)
            if p is None:
                problems.append(f"ftm.json:{n}: {proxy.schema.name} has no property {prop}")
                continue
            for v in values:
                if p.type.clean(v, proxy=proxy) is None:
                    problems.append(f"ftm.json:{n}: {prop}={v!r} is not a valid {p.type.name}")
        proxies.append(proxy)
    ids = {p.id for p in proxies}
    for p in proxies:
        for prop, value in p.itervalues():
            if prop.type.name == "entity" and value not in ids:
                problems.append(f"ftm.json: {p.id}.{prop.name} points at missing {value}")
    graph = networkx.read_graphml(folder / "network.graphml")
    schemas = sorted({p.schema.name for p in proxies})
    for line in problems:
        print(line)
    print(f"ftm.json: {len(proxies)} entities ({', '.join(schemas)}), {len(problems)} problems; "
          f"network.graphml: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
