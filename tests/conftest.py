import os
from pathlib import Path

import pytest

#: The shared data folder: beside the project root, else $NEWSTRACE_SHARED.
SIBLING = Path(__file__).resolve().parents[1].parent / "shared"


def find_shared() -> Path | None:
    if SIBLING.is_dir():
        return SIBLING
    env = os.environ.get("NEWSTRACE_SHARED")
    return Path(env) if env and Path(env).is_dir() else None


SHARED = find_shared()


@pytest.fixture(scope="session")
def shared() -> Path:
    if SHARED is None:
        pytest.skip("no shared data: neither ../shared beside the project nor $NEWSTRACE_SHARED")
    return SHARED
