"""What the benchmark scripts share: this checkout's package first, and where the data is."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Measure this checkout, not whichever newstrace the virtualenv has installed.
sys.path.insert(0, str(ROOT / "src"))


def shared_dir() -> Path:
    """The shared data folder: beside the project root, else $NEWSTRACE_SHARED."""
    sibling = ROOT.parent / "shared"
    if sibling.is_dir():
        return sibling
    env = os.environ.get("NEWSTRACE_SHARED")
    if env and Path(env).is_dir():
        return Path(env)
    sys.exit("No shared data: put it beside the project as ../shared or set NEWSTRACE_SHARED.")


def polnear_dir(split: str) -> Path:
    """One split of PolNeAR (``train`` or ``dev``)."""
    path = shared_dir() / "data" / "polnear" / split
    if not path.is_dir():
        sys.exit(f"{path}: no such PolNeAR split.")
    return path
