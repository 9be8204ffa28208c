"""Figures (matplotlib), one module per figure family on a shared live-figure base.

Imported only on demand: ``import backspasm_model`` never imports matplotlib.
"""
