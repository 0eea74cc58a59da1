import Foundation
import XCTest

/// The partition runner of `bench/spark/copydesk_spark.py`, without Spark: a stand-in `pyspark`
/// module hands it the binary and the rules, as `SparkFiles.get` does on an executor.
final class SparkDriverTests: XCTestCase {
    private let driver = #"""
        import json, sys, types
        spark_dir, binary, rules = sys.argv[1:4]
        sys.path.insert(0, spark_dir)
        pyspark = types.ModuleType("pyspark")
        pyspark.SparkFiles = types.SimpleNamespace(get=lambda name: {"copydesk": binary, "rules": rules}[name])
        sys.modules["pyspark"] = pyspark
        import copydesk_spark
        run = copydesk_spark.make_partition_runner("rules", "c.yaml", "")
        items = list(run(0, iter(['{"text": "ok"}', '{"text": "ERROR here"}'])))
        stats = [text for kind, text in items if kind == "stats"]
        print(json.dumps({"kinds": [kind for kind, _ in items], "totals": copydesk_spark.sum_runs(stats)}))
        """#

    /// A plugin found only through PATH (so only when the environment reaches it), that fails
    /// documents with ERROR in them (`on_error: fail`).
    func testAPartitionReachesAPluginOnPathAndCountsItsFailedDocuments() throws {
        let dir = try temporaryDirectory(self)
        let rules = dir.appendingPathComponent("rules")
        let bin = dir.appendingPathComponent("bin")
        for folder in [rules, bin] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let plugin = try writeTestPlugin(in: dir)
        let wrapper = bin.appendingPathComponent("copydesk-test-plugin")
        try "#!/bin/sh\nexec python3 \(plugin)\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        try "stages:\n  - stage: exec\n    id: test\n    command: [copydesk-test-plugin]\n    on_error: fail\n"
            .write(to: rules.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        try driver.write(to: dir.appendingPathComponent("driver.py"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "driver.py", packageRoot.appendingPathComponent("bench/spark").path, copydeskExecutable.path, rules.path]
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment.removeValue(forKey: "COPYDESK_CONFIG")
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, err)

        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: out) as? [String: Any], err)
        XCTAssertEqual(result["kinds"] as? [String], ["doc", "rejected", "stats"])
        let totals = try XCTUnwrap(result["totals"] as? [String: Any])
        XCTAssertEqual(totals["documents_in"] as? Int, 2)
        XCTAssertEqual(totals["documents_out"] as? Int, 1)
        XCTAssertEqual(totals["failed"] as? Int, 1)
    }
}
