import Foundation

extension Document {
    /// Deterministic JSON: sorted keys, no escaped slashes, UTF-8 text kept as is.
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The document as one JSON text (pretty for a single document, one line for JSONL): the bytes
    /// `Document.encoder(pretty:)` would write, from ``DocumentJSONWriter`` at a fraction of the cost.
    public func jsonData(pretty: Bool) -> Data {
        Data(jsonBytes(pretty: pretty))
    }

    /// ``jsonData(pretty:)`` as bytes.
    public func jsonBytes(pretty: Bool) -> [UInt8] {
        var writer = DocumentJSONWriter(pretty: pretty, capacity: mentions.count * 256 + 1024)
        writer.write(self)
        return writer.bytes
    }

    /// The document's JSON and a line feed, lent to `body` without a copy (a stream writer's case: an
    /// `[UInt8]` and a `Data` made from it would copy the text twice, some 2 M instructions over dev+seed).
    public func withJSONLine<R>(pretty: Bool, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var writer = DocumentJSONWriter(pretty: pretty, capacity: mentions.count * 256 + 1024)
        writer.write(self)
        writer.endLine()
        return try writer.withBytes(body)
    }

    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(Document.self, from: jsonData)
    }
}
