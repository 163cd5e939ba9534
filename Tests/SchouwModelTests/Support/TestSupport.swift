import Foundation
@testable import SchouwModel

/// Paths and helpers shared by the model tests.
enum TestFiles {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static func fixture(_ relative: String) -> String { testsDirectory.appendingPathComponent("Fixtures/" + relative).path }
    static func example(_ name: String) -> String { packageRoot.appendingPathComponent("Examples/" + name).path }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-model-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: [UInt8], named name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}

/// The SPEC section 1 example, as a valid starting point that tests modify.
let specExample = """
schouw: 1
project:
  id: binnenstad-passanten
  name: Passantentelling binnenstad
  organisation: Gemeente Voorbeeld
  phase: production
  classification: {confidentiality: medium, integrity: medium, availability: low}
  dpia: {status: completed, date: 2025-10-01, reference: DPIA-2025-04, published: true, residual-risk: low}
  registers: {processing: true, algorithm: not-applicable, sensors: true}
purposes:
  - id: crowd-management
    legal-basis: public-task
    statutory-basis: "Gemeentewet art. 172"
    special-category-exception: null
parties:
  - id: gemeente
    role: controller
    country: NL
  - id: telbedrijf
    role: processor
    country: NL
    processor-agreement: {signed: 2025-09-01, template: vng-vwo, sub-processors-approved: [cloudco]}
    contract: {terms: gibit-2023, incident-notification: PT24H}
  - id: cloudco
    role: sub-processor
    processor-for: telbedrijf
    country: NO
    headquarters: US
    transfer: {mechanism: dpf, tia: true}
zones:
  - id: straat
    kind: public-space
    trust: untrusted
    operator: gemeente
    country: NL
  - id: cloud-eu
    kind: cloud
    operator: cloudco
    country: IE
    parent: straat
data:
  - id: wifi-raw
    categories: [personal.device.mac]
    form: identified
    retention: PT0S
  - id: wifi-hash
    categories: [personal.device.mac]
    derived-from: [wifi-raw]
    form: pseudonymised
    pseudonymisation: {method: hmac-sha256, key-rotation: P1D}
    retention: P1D
    volume: 100000
systems:
  - id: wifi-sensor
    kind: sensor
    zone: straat
    operator: telbedrijf
    collects: [wifi-raw]
    sensor: {senses: [wifi], edge-processing: true}
    security: {last-pentest: 2025-06-01, patch-sla: P7D}
  - id: telplatform
    kind: platform
    zone: cloud-eu
    operator: telbedrijf
    stores: [wifi-hash]
    endpoints: [{url: "https://tellingen.voorbeeld.nl", hsts: true, tls: [1.2, 1.3]}]
flows:
  - id: sensor-naar-platform
    from: wifi-sensor
    to: telplatform
    data: [wifi-hash]
    purpose: crowd-management
    protocol: mqtts
    encryption: tls1.3
"""
