"""Threads samrev keeps for its own short jobs, and what a fork needs to know about them.

The screening model multiplies large matrices in row blocks on a small thread pool that waits on
its queue between products.  Every product is started and awaited by the calling thread, so when
that thread forks (an ingestion batch's workers), the pool's threads are idle and hold no lock a
child could inherit: they do not make ``fork`` unsafe.  :func:`other_threads` counts the rest.
"""

from __future__ import annotations

import threading

#: Name prefix of the idle-between-jobs pool threads described above.
POOL_THREAD_PREFIX = "samrev-pool"


def other_threads() -> int:
    """Threads alive besides the calling one and samrev's idle pool threads."""
    current = threading.current_thread()
    return sum(1 for thread in threading.enumerate()
               if thread is not current and not thread.name.startswith(POOL_THREAD_PREFIX))
