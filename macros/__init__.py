"""The mkdocs-macros module of the guide (mkdocs.yml: `module_name: macros`).

mkdocs-macros imports this package and looks for its hooks here; they live in main.py.
"""
from .main import define_env, on_post_build, on_pre_page_macros

__all__ = ["define_env", "on_post_build", "on_pre_page_macros"]
