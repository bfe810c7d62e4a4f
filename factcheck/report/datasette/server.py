"""`factcheck serve`: the ledger in Datasette, on this machine only unless asked otherwise."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from factcheck.report.datasette.metadata import build_metadata, database_name

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_datasette(ledger_path: str | Path):  # -> datasette.app.Datasette
    from datasette.app import Datasette  # imported here: only serve needs it

    return Datasette([str(ledger_path)], metadata=build_metadata(ledger_path))


def serve(ledger_path: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Run Datasette on the ledger until interrupted."""
    import asyncio  # here, not at the top: the CLI imports this module for its defaults

    import uvicorn

    datasette = make_datasette(ledger_path)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")


def ledger_url(ledger_path: str | Path, host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/{database_name(ledger_path)}"
