"""xAPI (Experience API 1.0.3): learning records sent to a Learning Record Store (docs/xapi.md).

A sibling of reporting and content packs: it listens to the writes of learning, the quiz engine
and the sessions (:mod:`modules.xapi.receivers`), turns each event into a statement
(:mod:`modules.xapi.statements`), stores it in an outbox in the same transaction
(:mod:`modules.xapi.services`) and sends it later from a background task
(:mod:`modules.xapi.tasks`, :mod:`modules.xapi.sender`). Off unless ``XAPI_ENABLED``.
"""
