import Foundation
import XCTest
@testable import Copydesk

/// A Python plugin for tests. Its behaviour per document depends on words in the text:
/// CRASH exits, CRASHONCE exits the first time only, HANG sleeps, GARBAGE writes a non-JSON
/// line, LONGLINE writes 200 000 bytes without a newline and sleeps, ERROR answers an error,
/// DROP drops, NOISE writes to stderr. Otherwise it upper-cases
/// the text and sets meta `id`. Config: `protocol`, `caps`, `reverse` (answer each group of
/// `reverse` requests in reverse order, or what it holds once no request comes for 50 ms),
/// `nohandshake`, `pidfile` (append the plugin's pid to this file at start).
let testPluginSource = #"""
import json, os, select, sys, time
buf = b""
def read_line():
    global buf
    while b"\n" not in buf:
        chunk = os.read(0, 65536)
        if not chunk:
            return None
        buf += chunk
    line, buf = buf.split(b"\n", 1)
    return line
hello = json.loads(read_line())
cfg = hello.get("config") or {}
if cfg.get("pidfile"):
    with open(cfg["pidfile"], "a") as f:
        f.write("%d\n" % os.getpid())
if cfg.get("nohandshake"):
    time.sleep(30)
print(json.dumps({"copydesk_plugin": cfg.get("protocol", 1), "name": "test-plugin", "version": "9.1",
                  "capabilities": cfg.get("caps", ["fields", "meta", "tags", "flags", "drop"])}), flush=True)
group = int(cfg.get("reverse", 0))
held = []
def answer(req):
    text = req["doc"].get("text", "")
    if "CRASHONCE" in text:
        marker = os.path.join(os.path.dirname(os.path.abspath(__file__)), "crashed-once")
        if not os.path.exists(marker):
            open(marker, "w").close()
            os._exit(3)
    elif "CRASH" in text:
        sys.stderr.write("about to crash on %s\n" % req["id"]); sys.stderr.flush()
        os._exit(3)
    if "HANG" in text:
        time.sleep(60)
    if "LONGLINE" in text:
        sys.stdout.write("x" * 200000); sys.stdout.flush()
        time.sleep(60)
    if "GARBAGE" in text:
        return "this is not json"
    if "NOISE" in text:
        sys.stderr.write("noise from the plugin\n"); sys.stderr.flush()
    if "ERROR" in text:
        return json.dumps({"id": req["id"], "error": "bad document"})
    if "DROP" in text:
        return json.dumps({"id": req["id"], "drop": "plugin says drop"})
    return json.dumps({"id": req["id"], "doc": {"text": text.upper(), "copydesk": {"meta": {"id": req["id"]}, "tags": ["seen"]}}})
def emit(requests):
    for req in requests:
        sys.stdout.write(answer(req) + "\n")
    sys.stdout.flush()
while True:
    # With answers held back, wait a little for more requests, then answer what is held.
    if held and b"\n" not in buf and not select.select([0], [], [], 0.05)[0]:
        emit(reversed(held)); held = []
        continue
    line = read_line()
    if line is None:
        break
    req = json.loads(line)
    if group:
        held.append(req)
        if len(held) >= group:
            emit(reversed(held)); held = []
    else:
        emit([req])
"""#

/// Writes the test plugin into `dir` and returns its path.
func writeTestPlugin(in dir: URL) throws -> String {
    let path = dir.appendingPathComponent("test_plugin.py")
    try testPluginSource.write(to: path, atomically: true, encoding: .utf8)
    return path.path
}

/// A pipeline with one exec stage running the test plugin, with `extra` YAML lines (indented
/// by 4 spaces) added to the stage.
func execPipeline(in dir: URL, _ extra: String = "") throws -> Pipeline {
    let plugin = try writeTestPlugin(in: dir)
    let config = """
        stages:
          - stage: exec
            id: test
            command: [python3, \(plugin)]
        \(extra)
        """
    let file = dir.appendingPathComponent("pipeline.yaml")
    try config.write(to: file, atomically: true, encoding: .utf8)
    return try PipelineLoader().load(file.path)
}

/// Runs texts through a pipeline as one batch.
func processBatch(_ texts: [String], through pipeline: Pipeline) -> [Document] {
    var documents = texts.enumerated().map { Document(sequence: $0.offset, line: $0.offset + 1, fields: ["text": Array($0.element.utf8)]) }
    pipeline.process(batch: &documents, context: WorkerContext())
    return documents
}
