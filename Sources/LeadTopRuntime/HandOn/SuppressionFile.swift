import Foundation
import LeadTopCore

/// Reads the file of `:suppress FILE`: one address a line, at most `maxBytes`. `~/` is the home
/// directory; a relative path is taken from the directory the dashboard was started in.
public enum SuppressionFile {
    /// 16 MiB: several hundred thousand addresses, far more than a suppression list needs.
    public static let maxBytes = 16 << 20

    public static func read(_ path: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) -> HandOnReport {
        var expanded = path
        if path == "~" || path.hasPrefix("~/"), let home { expanded = home + path.dropFirst() }
        let url = URL(fileURLWithPath: expanded)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory), isDirectory.boolValue {
            return .suppressionFileFailed(path: path, reason: "it is a directory")
        }
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let data = try handle.read(upToCount: maxBytes + 1) ?? Data()
            guard data.count <= maxBytes else {
                return .suppressionFileFailed(path: path, reason: "larger than \(maxBytes >> 20) MiB")
            }
            let (addresses, bad) = BulkSuppression.addresses(in: data)
            return .suppressionFileRead(path: path, addresses: addresses, badLines: bad)
        } catch {
            return .suppressionFileFailed(path: path, reason: reason(error, path: expanded))
        }
    }

    /// "no such file", "permission denied", "is a directory" rather than Foundation's sentences.
    private static func reason(_ error: any Error, path: String) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "no such file" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return error.localizedDescription
    }
}
