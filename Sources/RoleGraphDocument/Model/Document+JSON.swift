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
        var writer = DocumentJSONWriter(pretty: pretty, capacity: mentions.count * 200 + 1024)
        writer.write(self)
        return writer.bytes
    }

    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(Document.self, from: jsonData)
    }
}
