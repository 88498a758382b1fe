"""The Dask engine: the same per-article analysis on a Dask cluster (``--engine dask``).

Dask is an optional extra (``pip install 'bias[dask]'``). Every worker must have the same version
of ``bias`` installed; the articles (and any user lexicons) travel with each chunk, so workers need
no access to the input files. Results come back in input order, byte-identical to the local engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from bias.engine.ordered import in_order
from bias.engine.wire import dumps, loads
from bias.engine.work import Job, analyse_chunk
from bias.errors import BiasError
from bias.model import Article

INSTALL_HINT = "the dask engine needs the optional extra: pip install 'bias[dask]'"


def _distributed() -> Any:  # noqa: ANN401 (the distributed module)
    try:
        import distributed
    except ImportError:
        raise BiasError(INSTALL_HINT) from None
    return distributed


def run_dask(chunks: Iterable[list[Article]], job: Job, *, scheduler: str | None,
             jobs: int) -> Iterator[Any]:
    """Results of ``job`` over ``chunks`` on the cluster at ``scheduler`` (``tcp://host:8786``).

    Without a scheduler address a local cluster of ``jobs`` single-threaded worker processes is
    started for the run and closed after it. Twice as many chunks as worker threads are in flight.
    """
    distributed = _distributed()
    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(distributed.Client(scheduler, timeout="20s"))
            except OSError as exc:
                raise BiasError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            cluster = stack.enter_context(distributed.LocalCluster(
                n_workers=jobs, threads_per_worker=1, dashboard_address=None))
            client = stack.enter_context(distributed.Client(cluster))
        threads = max(1, sum(client.nthreads().values()))

        def submit(chunk: list[Article]) -> Any:  # noqa: ANN401 (a Future)
            return client.submit(analyse_chunk, dumps((job, chunk)), pure=False)

        for future in in_order(submit, chunks, window=2 * threads):
            yield from loads(future.result())
