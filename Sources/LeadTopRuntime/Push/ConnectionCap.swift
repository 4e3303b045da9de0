import Foundation
import NIOCore
import NIOHTTPTypes

/// At most `limit` connections open at once across a server: one over the cap is closed as soon
/// as it is accepted, so idle or trickling peers cannot use up the process's file descriptors
/// (about 1,260 of them used to stop real webhooks), and refusing costs one accept and one close.
/// Shared by every connection's `ConnectionCapHandler`; `lock` guards `open`.
final class ConnectionCap: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var open = 0

    init(limit: Int) { self.limit = max(1, limit) }

    /// Connections currently admitted.
    var openCount: Int { lock.withLock { open } }

    /// Takes a place if one is free.
    func admit() -> Bool {
        lock.withLock {
            guard open < limit else { return false }
            open += 1
            return true
        }
    }

    func release() { lock.withLock { open = max(0, open - 1) } }
}

/// Takes a place in the cap when a connection is set up and gives it back when it closes; closes
/// the connection at once when the cap is full.
final class ConnectionCapHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart

    private let cap: ConnectionCap

    init(cap: ConnectionCap) { self.cap = cap }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        if cap.admit() {
            let cap = self.cap
            channel.closeFuture.whenComplete { _ in cap.release() }
        } else {
            // After the pipeline is built: closing while Hummingbird still adds handlers would fail
            // the connection's setup instead of ending it quietly.
            channel.eventLoop.execute { channel.close(promise: nil) }
        }
    }
}

@available(*, unavailable)
extension ConnectionCapHandler: Sendable {}
