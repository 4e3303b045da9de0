import Foundation
import LeadOSAPI
import LeadTopCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the dashboard's export (`x`): every page of the view's query from LeadOS, the view's
/// other terms applied to the rows, rendered by `RecordText` as `leadtop leads` renders them.
/// LeadOS and not the cache is read, because the cache holds only what this dashboard has seen
/// and `leadtop leads` prints what LeadOS has.
///
/// The rows go to a temporary file beside the target, which takes the target's name only once
/// every page is in: a failed walk leaves no half file, and an existing file is never replaced
/// unless the request says the user agreed (it is linked into place, which fails if the name
/// was taken meanwhile).
public struct LeadExporter: Sendable {
    public let client: LeadOSClient
    /// Where `~/` points.
    public let home: String
    /// Leads per request (LeadOS's largest page).
    public var pageSize = 100

    public init(client: LeadOSClient, home: String) {
        self.client = client
        self.home = home
    }

    /// The API query for the request: what `leadtop leads --campaign ID --min-score N` sends.
    public static func query(for request: ExportRequest, pageSize: Int = 100) -> LeadQuery {
        LeadQuery(limit: pageSize, campaignID: request.campaignID, minScore: request.minScore)
    }

    /// `~` and `~/…` under `home`; other paths as they are.
    public func resolvedPath(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return (home.hasSuffix("/") ? String(home.dropLast()) : home) + path.dropFirst(1) }
        return path
    }

    /// Runs the export, reporting progress after each page and the outcome once, as `report` is
    /// called (from the task running it).
    public func run(_ request: ExportRequest, report: @Sendable (ExportUpdate) -> Void) async {
        let target = resolvedPath(request.path)
        if !request.overwrite, FileManager.default.fileExists(atPath: target) {
            report(.exists(request))
            return
        }
        let file: TemporaryFile
        do {
            file = try TemporaryFile(beside: target)
        } catch {
            report(.failed(path: request.path, reason: "\(error)"))
            return
        }
        do {
            let (count, skipped) = try await write(request, to: file, report: report)
            try file.commit(to: target, replacing: request.overwrite)
            report(.finished(path: request.path, count: count, skipped: skipped))
        } catch let error as ExportFileError where error.isTargetTaken {
            file.discard()
            report(.exists(request))
        } catch {
            file.discard()
            report(.failed(path: request.path, reason: Self.describe(error)))
        }
    }

    private func write(_ request: ExportRequest, to file: TemporaryFile,
                       report: @Sendable (ExportUpdate) -> Void) async throws -> (count: Int, skipped: Int) {
        let columns = RecordKind.lead.columns
        if request.format == .csv { try file.append(try RecordText.csvLine(columns)) }
        var query = Self.query(for: request, pageSize: pageSize)
        var seenCursors = Set<String>()
        var count = 0
        var skipped = 0
        while true {
            try Task.checkCancellation()
            let page = try await client.listLeads(query)
            var text = ""
            for lead in page.data where request.matches(lead) {
                switch request.format {
                case .csv: text += try RecordText.csvRow(lead, columns: columns)
                case .jsonl: text += try RecordText.jsonLine(lead)
                }
                count += 1
            }
            try file.append(text)
            skipped += page.unreadable.count
            report(.progress(written: count))
            guard page.hasMore, let next = page.nextCursor else { return (count, skipped) }
            guard seenCursors.insert(next).inserted else {
                throw LeadOSError.undecodable(status: 200, reason: "pagination cursor \(next) repeated", excerpt: "")
            }
            query.startingAfter = next
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? LeadOSError, error.isKeyRejection { return "LeadOS rejected the API key: \(error)" }
        return String(describing: error)
    }
}

/// A file that cannot be written, with the path and the system's reason.
public struct ExportFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var errno: Int32
    public var action: String

    /// The target name appeared while the export ran (`link` said EEXIST).
    var isTargetTaken: Bool { action == "link" && errno == EEXIST }

    public var description: String {
        "cannot \(action) \(path): \(String(cString: strerror(errno)))"
    }
}

/// `.NAME.XXXXXX` in the target's directory (so the final rename stays on one file system),
/// created 0600 by mkstemp.
final class TemporaryFile: @unchecked Sendable {
    let path: String
    private var descriptor: Int32

    init(beside target: String) throws {
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw ExportFileError(path: target, errno: errno, action: "create") }
        descriptor = fd
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func append(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportFileError(path: path, errno: errno, action: "write")
            }
            offset += written
        }
        bytes.removeAll()
    }

    /// Flushes the file to disk and gives it the target's name.
    func commit(to target: String, replacing: Bool) throws {
        guard fsync(descriptor) == 0 else { throw ExportFileError(path: path, errno: errno, action: "write") }
        close(descriptor)
        descriptor = -1
        if replacing {
            guard rename(path, target) == 0 else { throw ExportFileError(path: target, errno: errno, action: "rename") }
        } else {
            if link(path, target) == 0 {
                unlink(path)
                return
            }
            let failure = errno
            guard failure != EEXIST, !FileManager.default.fileExists(atPath: target) else {
                throw ExportFileError(path: target, errno: EEXIST, action: "link")
            }
            // A file system without hard links: the check just made is the best there is.
            guard rename(path, target) == 0 else { throw ExportFileError(path: target, errno: errno, action: "rename") }
        }
    }

    func discard() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        unlink(path)
    }
}
