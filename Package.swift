// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "caitien",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "caitien", targets: ["caitien"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // C libraries from Debian (libcmark-dev, libyaml-dev).
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // XXH3 (libxxhash-dev), header only: the digest of every cache key.
        .systemLibrary(name: "CXXHash", providers: [.apt(["libxxhash-dev"])]),
        // renameat2(RENAME_EXCHANGE), which Swift's Glibc module does not expose.
        .target(name: "CSupport"),
        // The only importer of libyaml: front-matter events → YAML nodes with positions; its errors
        // read back into the mistakes a person made (CaiTienModel.YAMLMistake).
        .target(name: "FrontMatter", dependencies: ["CYAML", "CaiTienModel"]),
        // The only importer of cmark: Markdown body → the boxes of form BM.CTCL.01 as HTML.
        .target(name: "Markdown", dependencies: ["CCmark"]),
        // Typed records, calendar days, diagnostics: no I/O, no C.
        .target(name: "CaiTienModel"),
        // Figures: pure functions of (records, settings, today).
        .target(name: "CaiTienAnalysis", dependencies: ["CaiTienModel"]),
        // Load, parse and validate a content folder.
        .target(name: "CaiTienContent", dependencies: ["CaiTienModel", "FrontMatter", "Markdown"]),
        // Views, templates, charts and exports: model and figures in, bytes out. Reads no files.
        .target(name: "CaiTienRender", dependencies: [
            "CaiTienModel", "CaiTienAnalysis", "FrontMatter",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The only runner of git: the requests' history (commits, deletions) read into model values.
        .target(name: "CaiTienHistory", dependencies: ["CaiTienModel", "CSupport"]),
        // Everything kept between builds: digests of inputs, the parse cache, the output's
        // generations with their page keys, the output's marker and lock.
        .target(name: "CaiTienCache", dependencies: ["CaiTienModel", "CaiTienContent", "CXXHash", "CSupport"]),
        // The pipeline: load → parse → validate → analyse → render → write, and its result types.
        .target(name: "CaiTienSite", dependencies: [
            "CaiTienModel", "CaiTienAnalysis", "CaiTienContent", "CaiTienHistory", "CaiTienRender", "CaiTienCache", "FrontMatter", "CSupport",
        ]),
        // `caitien rollup`: a province's dashboard over many wards' data.json — reading (a scanner
        // that skips the records), figures across wards, the page and the province's data.json.
        // No Foundation and no HTTP client: fetching is handed in (WardFetcher).
        .target(name: "CaiTienRollup", dependencies: ["CaiTienModel", "CaiTienCache"]),
        // Fetching wards' data.json over HTTPS for the roll-up: AsyncHTTPClient (SwiftNIO and
        // BoringSSL, which link statically; URLSession would need libcurl), kept out of the rest.
        .target(name: "CaiTienFetch", dependencies: [
            "CaiTienModel", "CaiTienRollup", .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        // `caitien serve`: a local preview server (our own HTTP/1.1 over POSIX sockets: the
        // packages' servers bring FoundationNetworking, hence libcurl, into the static binary).
        .target(name: "CaiTienServe", dependencies: [
            "CaiTienSite", "CaiTienContent", "CaiTienModel", "CaiTienRender", "CaiTienCache", "CSupport",
        ]),
        .executableTarget(name: "caitien", dependencies: [
            "CaiTienSite", "CaiTienContent", "CaiTienAnalysis", "CaiTienModel", "CaiTienServe", "CaiTienRender", "CaiTienRollup", "CaiTienFetch", "CSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libFuzzer target over the record parser (scripts/fuzz: --sanitize fuzzer --sanitize address).
        .executableTarget(name: "FuzzRecord", dependencies: ["CaiTienContent", "CaiTienModel", "FrontMatter", "Markdown"]),
        .target(name: "TestSupport", dependencies: ["CaiTienContent", "CaiTienModel", "CaiTienSite", "CaiTienRender", "CaiTienCache"], path: "Tests/TestSupport"),
        .testTarget(name: "CaiTienTests", dependencies: [
            "TestSupport", "CaiTienContent", "CaiTienAnalysis", "CaiTienModel", "CaiTienHistory", "CaiTienSite", "FrontMatter", "Markdown",
            "CaiTienServe", "CaiTienRender", "CaiTienCache", "CaiTienRollup", "CaiTienFetch",
        ]),
    ]
)
