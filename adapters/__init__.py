"""The engine adapters: the only code that knows an engine's objects (the core is guide/).

mkdocs.yml names this package as mkdocs-macros' module (`module_name: adapters`), so mkdocs-macros looks
for its hooks here; they live in mkdocs_macros.py. They load only when asked for (PEP 562), so the Zensical
adapter (zensical.py) imports this package without MkDocs.
"""

__all__ = ["define_env", "on_post_build", "on_pre_page_macros"]


def __getattr__(name: str):
    if name in __all__:
        from . import mkdocs_macros

        return getattr(mkdocs_macros, name)
    raise AttributeError(f"module 'adapters' has no attribute '{name}'")
