import NIOCore

/// The dashboard's network work is a few requests a minute (and, in push mode, a webhook now and
/// then), which one event-loop thread carries easily. NIO's shared group otherwise starts one
/// thread per core, each with its own task queue and stack: on a 16-core machine that is 16 idle
/// threads beside a terminal program.
enum EventLoopTuning {
    /// Must run before anything uses NIO's shared group (the HTTP client, the webhook receiver,
    /// the demo's simulator), and only once per process.
    static func useOneEventLoop() {
        NIOSingletons.groupLoopCountSuggestion = 1
    }
}
