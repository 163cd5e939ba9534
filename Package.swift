// swift-tools-version:6.0
import PackageDescription

// Module layers, lowest first. A module only imports modules above it in this list:
//   CYAML, CEL, SchouwConcurrency  ->  SchouwResult  ->  SchouwModel  ->  SchouwEngine  ->
//   SchouwReports, SchouwAttest, SchouwChecklist, SchouwImport  ->  SchouwCLI  ->  schouw (entry point)
let package = Package(
    name: "schouw",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "schouw", targets: ["schouw"]),
        .library(name: "CEL", targets: ["CEL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.3.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // libyaml through pkg-config; Debian: libyaml-dev.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // Common Expression Language: lexer, parser, checker, interpreter. No dependencies by design.
        .target(name: "CEL"),
        // Work spread over the cores (parallel map with results in order), and how a command keeps the
        // memory it frees. No dependencies.
        .target(name: "SchouwConcurrency"),
        // Seeded random numbers for the benchmark generator and for tests that mutate or shuffle input.
        .target(name: "SeededRandom"),
        // The audit result contract (SPEC section 5): what reporters, attestations and baselines read.
        .target(name: "SchouwResult", dependencies: ["SchouwConcurrency"]),
        // Descriptor model, YAML node tree with source marks, loader and diagnostics.
        .target(name: "SchouwModel", dependencies: ["CYAML", "SchouwConcurrency", "SchouwResult", .product(name: "Crypto", package: "swift-crypto")]),
        // Rules, taxonomy, flow-graph facts, evaluation, waivers, baselines.
        .target(name: "SchouwEngine", dependencies: ["CEL", "SchouwConcurrency", "SchouwModel", "SchouwResult"]),
        // One reporter per output format, and data-flow diagrams.
        .target(name: "SchouwReports", dependencies: ["SchouwConcurrency", "SchouwModel", "SchouwResult", .product(name: "Crypto", package: "swift-crypto")]),
        // in-toto statements in DSSE envelopes, keys, verification, the register.
        .target(name: "SchouwAttest", dependencies: [
            "CEL", "SchouwResult",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
        ]),
        // Procurement checklist, CSV/XLSX writers and readers, scoring.
        .target(name: "SchouwChecklist", dependencies: [
            "SchouwModel", "SchouwEngine", "SchouwResult",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Threagile and Fides importers.
        .target(name: "SchouwImport", dependencies: ["SchouwModel", "SchouwEngine"]),
        // One file per command.
        .target(name: "SchouwCLI", dependencies: [
            "CEL", "SchouwModel", "SchouwResult", "SchouwEngine", "SchouwReports", "SchouwAttest",
            "SchouwChecklist", "SchouwImport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Release builds link the Swift runtime and Foundation statically: the binary runs where no Swift
        // toolchain is installed (a CI runner, a container) and starts without resolving a dozen shared
        // libraries, a third of a typical audit's time. The flag is given to the compiler too, which then
        // reads the static Foundation modules and records the libraries they need for the linker.
        .executableTarget(name: "schouw", dependencies: ["SchouwCLI", "SchouwConcurrency"],
                          swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
                          linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]),
        // Benchmarks and the synthetic descriptor generator (release builds: `swift run -c release schouw-bench`).
        // Regenerates the Swift files that embed Rules/ and Reports/templates/ (`swift run embed-resources`).
        .executableTarget(name: "embed-resources"),
        .executableTarget(name: "schouw-bench", dependencies: ["CEL", "CYAML", "SchouwModel", "SchouwEngine", "SchouwResult", "SchouwReports",
                                                             "SchouwConcurrency", "SeededRandom"]),

        // Whether the Python packages the tests' independent checks use are installed.
        .target(name: "PythonChecks", path: "Tests/PythonChecks"),
        .testTarget(name: "CELTests", dependencies: ["CEL", "SeededRandom"], exclude: ["Fixtures"]),
        .testTarget(name: "SchouwModelTests", dependencies: ["SchouwModel", "SeededRandom", "PythonChecks"],
                    exclude: ["Support/validate_with_jsonschema.py", "Fixtures", "Golden"]),
        .testTarget(name: "SchouwEngineTests", dependencies: ["SchouwEngine", "SchouwModel", "CEL", "SchouwConcurrency"]),
        .testTarget(name: "SchouwReportsTests", dependencies: ["SchouwReports", "SchouwEngine", "SchouwModel", "PythonChecks"],
                    exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "SchouwAttestTests", dependencies: ["SchouwAttest", "SchouwResult", "PythonChecks"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "SchouwChecklistTests", dependencies: ["SchouwChecklist", "SeededRandom", "PythonChecks"], exclude: ["Golden"]),
        .testTarget(name: "SchouwImportTests", dependencies: ["SchouwImport"], exclude: ["Golden"]),
        .testTarget(name: "SchouwCLITests", dependencies: ["SchouwCLI", "PythonChecks"], exclude: ["Golden"]),
    ]
)
