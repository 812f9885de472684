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

    /// The document as one JSON text (pretty for a single document, one line for JSONL).
    public func jsonData(pretty: Bool) throws -> Data {
        try Document.encoder(pretty: pretty).encode(self)
    }

    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(Document.self, from: jsonData)
    }
}
