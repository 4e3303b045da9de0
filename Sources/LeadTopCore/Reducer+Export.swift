import Foundation

/// `x` and `:export PATH`: the path prompt, the request for the runtime, and its progress and
/// result in the status bar. One export runs at a time.
extension AppState {
    static let maxPathLength = 1024

    /// `x`: the path prompt, filled with the default path.
    mutating func openExportPrompt() -> [Effect] {
        guard !exportRunning else {
            show("An export is already running", kind: .error)
            return []
        }
        modal = .exportPath(text: ExportRequest.defaultPath(now: now))
        return []
    }

    mutating func handleExportPathKey(_ key: Key, text: String) -> [Effect] {
        switch key {
        case .enter:
            modal = nil
            return startExport(to: text)
        case .esc:
            modal = nil
        default:
            if let edited = Self.edit(text, with: key, limit: Self.maxPathLength) { modal = .exportPath(text: edited) }
        }
        return []
    }

    /// The feed view as it is now (scope and filter), to `path`.
    mutating func startExport(to path: String) -> [Effect] {
        let path = path.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else {
            show("Export needs a file path", kind: .error)
            return []
        }
        guard !exportRunning else {
            show("An export is already running", kind: .error)
            return []
        }
        return runExport(ExportRequest(path: path, filter: leads.filter))
    }

    mutating func runExport(_ request: ExportRequest) -> [Effect] {
        exportRunning = true
        show("Exporting to \(request.path)…")
        return [.export(request)]
    }

    mutating func apply(_ update: ExportUpdate) -> [Effect] {
        switch update {
        case .progress(let written):
            guard exportRunning else { return [] }
            show("Exporting… \(Self.grouped(written)) leads")
        case .finished(let path, let count, let skipped):
            exportRunning = false
            let unreadable = skipped > 0 ? " (\(Self.grouped(skipped)) LeadOS sent could not be read)" : ""
            show("Exported \(Self.grouped(count)) \(count == 1 ? "lead" : "leads") to \(path)\(unreadable)")
        case .exists(let request):
            exportRunning = false
            if modal == nil {
                modal = .confirm(.overwrite(request))
            } else {
                show("\(request.path) exists: not overwritten", kind: .error)
            }
        case .failed(let path, let reason):
            exportRunning = false
            show("Export to \(path) failed: \(reason)", kind: .error)
        }
        return []
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
