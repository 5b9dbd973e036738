"""Compute Scenario Explorer: the model and everything that needs no screen.

This package never imports Qt, pyqtgraph or ``ui`` (checked by tests/explorer/test_boundary.py).
"""

__version__ = "0.1.0"
