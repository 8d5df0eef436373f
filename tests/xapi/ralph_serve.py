"""Start Ralph's LRS API for the tests; run by Ralph's own Python (``.cache/ralph``), never
imported by the suite.

``python ralph_serve.py PORT``: uvicorn serving ``ralph.api:app`` on 127.0.0.1:PORT with the
file-system backend. Ralph 5.1's file-system LRS backend writes statements with the data
backend's default operation, "create", which refuses to write to its file a second time (the
second POST answers 500); the backend is meant for development, and appending is what an LRS
needs, so this launcher makes "append" its default before the app starts.
"""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
