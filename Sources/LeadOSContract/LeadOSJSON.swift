import Foundation

/// The one place that configures JSON coding for the contract, so client and simulator agree:
/// timestamps as `Timestamp` strings, compact, deterministic output (sorted keys).
public enum LeadOSJSON {
    public static func makeEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(Timestamp.format(date))
        }
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return e
    }

    public static func makeDecoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: c, debugDescription: "expected a timestamp like 2026-05-07T14:23:00Z, got \(text.prefix(40))")
            }
            return date
        }
        return d
    }

    /// Encodes a value with the contract's settings.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try makeEncoder().encode(value)
    }

    /// Decodes a value with the contract's settings. Stats replies, megabytes for a large account,
    /// campaigns, a thousand of which start-up decodes, cached leads, a page of which it decodes,
    /// and pages of either, which every poll decodes, have faster ways with the same outcome
    /// (`DeliveryStats.decode(from:decoder:)`, `CampaignReader`, `LeadReader`, `PlainListReader`).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        if type == DeliveryStats.self, let stats = try DeliveryStats.decode(from: data, decoder: makeDecoder()) as? T {
            return stats
        }
        if type == Campaign.self {
            let read: Campaign? = data.withUnsafeBytes { bytes in CampaignReader.read(bytes) }
            if let campaign = read as? T { return campaign }
        }
        if type == Lead.self {
            let read: Lead? = data.withUnsafeBytes { bytes in LeadReader.read(bytes) }
            if let lead = read as? T { return lead }
        }
        if type == ListEnvelope<Campaign>.self, let page = ListEnvelope<Campaign>.readPlain(data) as? T { return page }
        if type == ListEnvelope<Lead>.self, let page = ListEnvelope<Lead>.readPlain(data) as? T { return page }
        return try makeDecoder().decode(type, from: data)
    }
}
