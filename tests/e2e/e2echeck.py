"""What the e2e checkers share: read what a driver saw inside QGIS, collect
failures, and exit 1 with one line per failure (0 with a summary otherwise)."""
import json
import os
import sys


class Checks:
    def __init__(self, out, name):
        self.out = out
        self.failures = []
        path = os.path.join(out, name)
        if not os.path.exists(path):
            sys.exit(f"FAIL: {path} not written: the driver did not run inside QGIS")
        with open(path) as f:
            self.result = json.load(f)
        for error in self.result.get("steps", []):
            self.failures.append(f"step {error['error']} raised:\n{error['trace']}")

    def check(self, condition, message):
        if not condition:
            self.failures.append(message)

    def screenshot(self, name):
        path = os.path.join(self.out, name + ".png")
        self.check(os.path.exists(path) and os.path.getsize(path) > 50000, f"no screenshot {path} (or an empty one)")
        return path

    def finish(self, summary):
        if self.failures:
            for failure in self.failures:
                print("FAIL:", failure)
            sys.exit(1)
        print(summary)
