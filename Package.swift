// swift-tools-version: 6.1
import PackageDescription

// The targets follow the flow of data:
// text → knowledge → patterns → document → graph → render, with eval and the CLI on top.
let package = Package(
    name: "rolegraph",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rolegraph", targets: ["rolegraph"]),
        .library(name: "RoleGraph", targets: ["RoleGraphDocument", "RoleGraphGraph", "RoleGraphRender", "RoleGraphEval", "RoleGraphDiff"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "RoleGraphText"),
        .target(name: "RoleGraphKnowledge", dependencies: ["RoleGraphText"],
                resources: [.copy("Resources")]),
        .target(name: "RoleGraphPatterns", dependencies: ["RoleGraphText", "RoleGraphKnowledge"],
                exclude: ["Rules/README.md"], resources: [.copy("Resources")]),
        .target(name: "RoleGraphDocument", dependencies: ["RoleGraphText", "RoleGraphKnowledge", "RoleGraphPatterns"]),
        .target(name: "RoleGraphGraph", dependencies: ["RoleGraphDocument", "RoleGraphText"]),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc",
                       providers: [.apt(["libgraphviz-dev"])]),
        .target(name: "RoleGraphRender", dependencies: ["CGraphviz", "RoleGraphGraph", "RoleGraphDocument"]),
        .target(name: "RoleGraphEval", dependencies: ["RoleGraphDocument", "RoleGraphText"]),
        .target(name: "RoleGraphDiff", dependencies: ["RoleGraphGraph", "RoleGraphKnowledge", "RoleGraphRender", "RoleGraphText"]),
        .executableTarget(name: "rolegraph", dependencies: [
            "RoleGraphDocument", "RoleGraphGraph", "RoleGraphRender", "RoleGraphEval", "RoleGraphText",
            "RoleGraphDiff",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "rolegraph-bench", dependencies: [
            "RoleGraphDocument", "RoleGraphGraph", "RoleGraphRender",
            "RoleGraphDiff",
        ], path: "Benchmarks/rolegraph-bench"),
        .testTarget(name: "RoleGraphTextTests", dependencies: ["RoleGraphText"]),
        .testTarget(name: "RoleGraphKnowledgeTests", dependencies: ["RoleGraphKnowledge"]),
        // Golden files are read by path (Fixtures.golden), so that UPDATE_GOLDEN=1 can rewrite them.
        .testTarget(name: "RoleGraphExtractionTests", dependencies: ["RoleGraphDocument"], exclude: ["Golden"]),
        .testTarget(name: "RoleGraphRenderTests", dependencies: ["RoleGraphRender"],
                    resources: [.copy("Golden")]),
        .testTarget(name: "RoleGraphEvalTests", dependencies: ["RoleGraphEval"]),
        .testTarget(name: "EndToEndTests", dependencies: ["RoleGraphDocument"]),
        .testTarget(name: "RoleGraphDiffTests", dependencies: ["RoleGraphDiff", "RoleGraphDocument", "RoleGraphGraph", "RoleGraphKnowledge"]),
    ],
    swiftLanguageModes: [.v6]
)
