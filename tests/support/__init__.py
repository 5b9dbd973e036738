"""Data and helpers shared by the test modules (on the path through pyproject\x27s pythonpath)."""
