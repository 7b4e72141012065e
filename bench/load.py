"""Load on the running bot: simulated users through the Telegram Bot API emulator.

Run: .venv/bin/python bench/load.py [--users 20] [--messages 500] [--seconds 30] [--json]
Needs Node.js and the emulator (`npm ci --prefix tests/e2e`, which `make install` runs). Starts
the emulator on 127.0.0.1, the bot as `python -m bot` in a temporary folder, and a local site
for the links; 20 users send 500 messages (pasted articles, links and questions mixed) evenly
within 30 seconds. Prints the 50th and 95th percentile reply times against a baseline measured
in the same run (the /start round trip on the idle bot), the bot's peak memory (VmHWM, target
under 600 MB), and checks that every article was archived exactly once and every question
answered; exits 1 if not. Question replies have their own percentiles: the target is a p95
at most 4 times the idle round trip. `--json` prints one object of the figures instead.
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # tests.e2e is not an installed package

from tests.e2e.harness import Emulator, missing  # noqa: E402
from tests.e2e.load import run_load  # noqa: E402

MEMORY_TARGET_MB = 600


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--json", action="store_true", help="print one JSON object of figures")
    args = parser.parse_args()
    reason = missing()
    if reason:
        print(f"cannot run: {reason}", file=sys.stderr)
        return 2
    emulator = Emulator()
    try:
        with tempfile.TemporaryDirectory(prefix="briefing-load-") as folder:
            report = run_load(
                emulator, Path(folder), args.users, args.messages, seconds=args.seconds
            )
    finally:
        emulator.close()
    print(json.dumps(report.figures()) if args.json else report.summary())
    problems = report.missing or report.unanswered or report.unexpected or report.duplicates
    if problems or report.unfinished_acks or report.peak_rss_mb >= MEMORY_TARGET_MB:
        print("FAILED: see the figures above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
