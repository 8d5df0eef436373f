"""Settings split per environment: base (shared), dev, test and production.

Every value that differs between machines is read from the environment through
:mod:`config.env`; ``.env.example`` in the repository root documents them all.
"""
