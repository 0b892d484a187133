"""Helpers shared by the test suite, the benchmark and the screenshot script."""
