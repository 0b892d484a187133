"""The mkdocs-macros module of the guide (mkdocs.yml: `module_name: macros`).

mkdocs-macros imports this package and looks for its hooks here; they live in main.py, the MkDocs adapter.
They load only when asked for (PEP 562), so the core and the Zensical adapter import this package without
MkDocs.
"""
__all__ = ["define_env", "on_post_build", "on_pre_page_macros"]


def __getattr__(name: str):
    if name in __all__:
        from . import main
        return getattr(main, name)
    raise AttributeError(f"module 'macros' has no attribute '{name}'")
