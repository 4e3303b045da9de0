import Dispatch
import Foundation

/// Ctrl-C ends a subcommand with 130 (and SIGTERM with 143) at once: every record printed so far
/// is already out (output is unbuffered), and a write in flight carries its Idempotency-Key, so
/// running the command again applies it at most once.
enum Interrupts {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func exitOnSignals() {
        guard sources.isEmpty else { return }
        for (sig, status) in [(SIGINT, ExitStatus.interrupted.rawValue), (SIGTERM, 128 + SIGTERM)] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { exit(status) }
            source.resume()
            sources.append(source)
        }
    }
}
