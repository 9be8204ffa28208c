"""The evidence layer, built on the core and the exercises: plausible bodies
(:mod:`.uncertainty`), sensitivity indices (:mod:`.sensitivity`, needs SALib) and the claim
verdicts (:mod:`.claims`). numpy and the standard library only (SALib imported on demand).
"""
