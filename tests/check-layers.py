#!/usr/bin/env python3
"""Checks that the source folders depend on each other one way only.

The folders are ranked bottom to top (LAYERS). A file may include a project
header from its own folder or from a folder ranked below it; including one
from a folder above it is an error, and so is a pair of folders that include
each other. Inside a folder, two modules (a .c file with its headers) that
include each other are an include cycle, also an error. Some headers are kept
to one folder (SQLite's only in the store), and SQLite itself is named
nowhere else: no `sqlite3` identifier outside the store, nor in a store
header other people include (only its -private.h headers). Prints one line
per problem and exits 1 when there is any. No source file may pass
MAX_LINES lines: past that a file holds more than one job.

Usage: check-layers.py SRC_DIR
"""

import os
import re
import sys

# Bottom to top. A folder may include from its own rank and the ranks below.
LAYERS = [
    "core/model",
    "core/store",
    "core/formats",
    "core/checks",
    "core/cms",
    "core/accounts",
    "core/sync",
    "ui",
    "cli",
]

MAX_LINES = 1200

# System headers that only some folders may include.
RESTRICTED = {
    "sqlite3.h": {"core/store"},
    "gtk/gtk.h": {"ui", "cli"},
    "adwaita.h": {"ui", "cli"},
    "webkit/webkit.h": {"ui"},
    "gtksourceview/gtksource.h": {"ui"},
}

SQLITE = re.compile(r"\bsqlite3\w*")
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)

INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)


def folder_of(rel):
    """The layer a path under src/ belongs to, or None."""
    best = None
    for layer in LAYERS:
        if rel == layer or rel.startswith(layer + "/"):
            if best is None or len(layer) > len(best):
                best = layer
    return best


def module_of(name):
    """cd-window-private.h and cd-window.c are both module cd-window."""
    stem = os.path.splitext(name)[0]
    return stem[: -len("-private")] if stem.endswith("-private") else stem


def main():
    src = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "src")
    headers = {}  # basename -> folder
    files = []    # (rel path, folder)
    for dirpath, _dirs, names in os.walk(src):
        for name in sorted(names):
            if not name.endswith((".c", ".h")):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), src)
            folder = folder_of(os.path.dirname(rel))
            if folder is None:
                continue
            files.append((rel, folder))
            if name.endswith(".h"):
                if name in headers:
                    print(f"{rel}: header name also used in {headers[name]}/")
                headers[name] = folder

    problems = []
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    folder_edges = {}
    module_edges = {}  # (folder, module) -> set of modules it includes
    for rel, folder in files:
        with open(os.path.join(src, rel), encoding="utf-8") as f:
            text = f.read()
        me = module_of(os.path.basename(rel))
        if text.count("\n") > MAX_LINES:
            problems.append(f"{rel}: {text.count(chr(10))} lines, more than {MAX_LINES}")
        code = COMMENT.sub("", text)
        private_header = rel.endswith("-private.h")
        if SQLITE.search(code) and (folder != "core/store" or (rel.endswith(".h") and not private_header)):
            problems.append(f"{rel}: uses SQLite, which only the store's own files may")
        for m in INCLUDE.finditer(text):
            kind, name = m.group(1), m.group(2)
            allowed = RESTRICTED.get(name)
            if allowed is not None and folder not in allowed:
                problems.append(f"{rel}: includes <{name}>, kept to {', '.join(sorted(allowed))}/")
            if kind != '"' or name not in headers:
                continue
            target = headers[name]
            if rank[target] > rank[folder]:
                problems.append(f"{rel}: includes {name} from {target}/, a folder above {folder}/")
            if target != folder:
                folder_edges.setdefault(folder, set()).add(target)
            else:
                them = module_of(name)
                if them != me:
                    module_edges.setdefault((folder, me), set()).add(them)

    for a, targets in folder_edges.items():
        for b in targets:
            if a < b and a in folder_edges.get(b, set()):
                problems.append(f"{a}/ and {b}/ include each other")

    # Include cycles between modules of one folder (depth-first search).
    state = {}

    def visit(node, path):
        state[node] = 1
        for other in sorted(module_edges.get(node, ())):
            nxt = (node[0], other)
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):] + [nxt]
                problems.append(f"{node[0]}/: include cycle "
                                + " -> ".join(n[1] for n in cycle))
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(module_edges):
        if node not in state:
            visit(node, [node])

    for p in problems:
        print(p)
    print(f"{len(files)} files in {len(LAYERS)} layers, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
