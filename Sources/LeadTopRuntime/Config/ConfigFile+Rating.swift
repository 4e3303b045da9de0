import TOMLKit

/// `[rating]`: how quick rating behaves.
///
/// ```toml
/// [rating]
/// advance = true   # after + or - (and its reason), select the next unrated lead
/// ```
extension ConfigFile {
    static let ratingKeys = ["advance"]

    static func ratingAdvance(_ value: any TOMLValueConvertible, path: String,
                              locate: (String, String?) -> Int?) throws(ConfigError) -> Bool? {
        guard let table = value.table else {
            throw .invalidValue(path: path, line: locate("rating", nil), key: "rating", expected: "a table such as [rating] advance = true")
        }
        guard let advance = table["advance"] else { return nil }
        guard let on = advance.bool else {
            throw .invalidValue(path: path, line: locate("advance", "rating"), key: "rating.advance", expected: "true or false")
        }
        return on
    }
}
