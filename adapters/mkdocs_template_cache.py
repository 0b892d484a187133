"""A MkDocs hook: Material's templates compiled once, not on every build.

MkDocs makes a new Jinja environment for the theme on every build, so every build, and every rebuild
under `mkdocs serve`, compiled Material's ~50 templates again: about a third of a rebuild's time
(cProfile of a Danish rebuild). Jinja's file cache keeps the compiled code in the system's temporary
folder and recompiles a template whose source changed, as guide/rendering.py does for our own
templates. Only a speed-up: remove this file and its line in mkdocs.yml and the site is the same.
"""

from __future__ import annotations

from jinja2 import FileSystemBytecodeCache

_CACHE = FileSystemBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = _CACHE
    return env
