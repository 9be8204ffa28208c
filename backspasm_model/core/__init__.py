"""The model core: parameters and data loading, muscle curves, pelvis and lumbar geometry and
the moment balance of the pelvis about the hip. Imports numpy and the standard library only.

Every other layer builds on this one; nothing here imports from them (see
``docs/architecture.md``).
"""
