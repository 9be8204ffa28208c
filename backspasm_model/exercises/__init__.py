"""The exercise models, built on the core: side-lying hip abduction (:mod:`.abduction`),
single-leg stance (:mod:`.stance`), the training programme over weeks (:mod:`.programme`) and
the argument's prescription as data (:mod:`.prescription`). numpy and the standard library only.
"""
