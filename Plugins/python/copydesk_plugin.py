"""copydesk_plugin: write a Copydesk exec plugin in Python with the standard library only.

Copy this one file next to your plugin, then:

    from copydesk_plugin import Drop, run

    def process(doc, config):
        doc.meta["words"] = len(doc.text.split())
        return doc

    run(process, name="word-count", version="1.0.0", capabilities=["meta"])

`process(doc, config)` gets a `Document` and the stage's `config:` mapping (a dict). It changes
the document in place (or returns a new one); raise `Drop("reason")` to drop it, and any other
exception to report an error for that document (the stage's `on_error` decides what happens).
Only what changed is sent back. Print diagnostics to stderr: Copydesk forwards them, prefixed
with the stage id. Stdout belongs to the protocol.

Protocol version 1 (see "Writing a plugin" in Copydesk's README):
  Copydesk -> plugin: {"copydesk_plugin": 1, "stage": "<id>", "config": {...}}     (hello)
  plugin -> Copydesk: {"copydesk_plugin": 1, "name", "version", "capabilities"}   (handshake)
  Copydesk -> plugin: {"id": n, "doc": {<string fields>, "copydesk": {"meta", "tags", "flags", "decision"}}}
  plugin -> Copydesk: {"id": n, "doc": {<changed fields>, "copydesk": {"meta", "tags", "flags"}}}
                    | {"id": n, "drop": "reason"} | {"id": n, "error": "message"}
  Copydesk closes stdin to shut the plugin down.
"""

import json
import select
import sys
import traceback

PROTOCOL_VERSION = 1

__all__ = ["Document", "Drop", "run", "PROTOCOL_VERSION"]


class Drop(Exception):
    """Raise from `process` to drop the document; the message is the reason."""


class Document:
    """A document: its string fields, plus what earlier stages found."""

    def __init__(self, doc):
        annotations = doc.pop("copydesk", None) or {}
        self.fields = doc
        self.meta = annotations.get("meta") or {}
        self.tags = annotations.get("tags") or []
        self.flags = annotations.get("flags") or []
        self.decision = annotations.get("decision", "keep")

    def _snapshot(self):
        """A copy to tell changes from (strings are immutable: shallow copies suffice)."""
        copy = Document.__new__(Document)
        copy.fields = dict(self.fields)
        copy.meta = dict(self.meta)
        copy.tags = list(self.tags)
        copy.flags = list(self.flags)
        copy.decision = self.decision
        return copy

    @property
    def text(self):
        return self.fields.get("text", "")

    @text.setter
    def text(self, value):
        self.fields["text"] = value

    def add_tag(self, tag):
        if tag not in self.tags:
            self.tags.append(tag)

    def add_flag(self, rule, category, severity="medium"):
        self.flags.append({"rule": rule, "category": category, "severity": severity})


def _changes(before, after):
    """The `doc` of a response: only what differs between two Documents."""
    doc = {k: v for k, v in after.fields.items() if isinstance(v, str) and before.fields.get(k) != v}
    annotations = {}
    meta = {k: v for k, v in after.meta.items() if before.meta.get(k) != v}
    if meta:
        annotations["meta"] = meta
    tags = [t for t in after.tags if t not in before.tags]
    if tags:
        annotations["tags"] = tags
    flags = [f for f in after.flags if f not in before.flags]
    if flags:
        annotations["flags"] = flags
    if annotations:
        doc["copydesk"] = annotations
    return doc


def _answer(process, request, config):
    rid = request.get("id")
    try:
        doc = Document(request.get("doc") or {})
        before = doc._snapshot()
        result = process(doc, config)
        if result is not None:
            doc = result
        return {"id": rid, "doc": _changes(before, doc)}
    except Drop as drop:
        return {"id": rid, "drop": str(drop) or "dropped"}
    except Exception as error:  # the document's problem, not the plugin's
        traceback.print_exc(file=sys.stderr)
        return {"id": rid, "error": "%s: %s" % (type(error).__name__, error)}


def run(process, name, version, capabilities=(), stdin=None, stdout=None):
    """Speaks the protocol until Copydesk closes stdin."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    hello_line = stdin.readline()
    if not hello_line:
        return
    hello = json.loads(hello_line)
    if hello.get("copydesk_plugin") != PROTOCOL_VERSION:
        sys.stderr.write("%s: copydesk speaks protocol %r; this helper speaks %d\n"
                         % (name, hello.get("copydesk_plugin"), PROTOCOL_VERSION))
    config = hello.get("config") or {}
    handshake = {"copydesk_plugin": PROTOCOL_VERSION, "name": name, "version": version,
                 "capabilities": list(capabilities)}
    stdout.write(json.dumps(handshake) + "\n")
    stdout.flush()
    for line in stdin:
        if not line.strip():
            continue
        stdout.write(json.dumps(_answer(process, json.loads(line), config), ensure_ascii=False) + "\n")
        # Copydesk sends many requests at once: flush only when none is waiting, so that one
        # write carries many answers. (Lines already buffered here look like "none waiting",
        # which only flushes early.)
        if not _more_input(stdin):
            stdout.flush()
    stdout.flush()


def _more_input(stream):
    try:
        return bool(select.select([stream], [], [], 0)[0])
    except (OSError, ValueError):
        return False
