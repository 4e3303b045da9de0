/// What the runtime reports back after handing a lead on, for the status bar and the next step.
public enum HandOnReport: Sendable, Hashable {
    /// Text went to the terminal's clipboard, as far as `support` says.
    case copied(what: String, ClipboardSupport)
    /// The browser could not be started, or said it failed.
    case openFailed(url: String, reason: String)
    /// A file of addresses for `:suppress FILE`, read and split (`BulkSuppression.addresses(in:)`).
    case suppressionFileRead(path: String, addresses: [String], badLines: Int)
    /// The file could not be read.
    case suppressionFileFailed(path: String, reason: String)
}
