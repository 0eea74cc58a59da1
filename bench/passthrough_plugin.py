#!/usr/bin/env python3
"""An exec plugin that changes nothing, for bench/plugin_overhead.sh: it parses every request
and answers through Plugins/python/copydesk_plugin.py like a real plugin, but changes nothing."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Plugins", "python"))
from copydesk_plugin import run  # noqa: E402

if __name__ == "__main__":
    run(lambda doc, config: doc, name="passthrough", version="1.0.0", capabilities=[])
