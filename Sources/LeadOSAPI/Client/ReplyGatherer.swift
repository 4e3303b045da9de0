import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Gathers one reply, up to a cap, into a body buffer of the size the server announced.
///
/// AsyncHTTPClient's `ResponseAccumulator` grows its buffer by doubling: the 1.8 MB stats reply
/// of a 1,000-campaign account ended in a 2 MB buffer, reached through copies at 512 KB and 1 MB,
/// and that was the dashboard's peak memory. A `Content-Length` within the cap sizes the buffer
/// once; a reply without one (chunked) grows as before. Either way the cap holds: an announced
/// length over it fails at the head, and the bytes that arrive are counted as they come.
final class ReplyGatherer: HTTPClientResponseDelegate {
    struct Gathered: Sendable {
        var head: HTTPResponseHead
        var body: ByteBuffer
    }

    typealias Response = Gathered

    /// The reply announced, or sent, more than the cap.
    struct TooBig: Error {}

    private struct State {
        var head: HTTPResponseHead?
        var announced: Int?
        var body: ByteBuffer?
        var error: (any Error)?
    }

    private let limit: Int
    private let state = Mutex(State())

    init(limit: Int) { self.limit = max(0, limit) }

    func didReceiveHead(task: HTTPClient.Task<Gathered>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let announced = head.headers.first(name: "Content-Length").flatMap { Int($0) }.map { max(0, $0) }
        if let announced, announced > limit {
            state.withLock { $0.error = TooBig() }
            return task.eventLoop.makeFailedFuture(TooBig())
        }
        state.withLock { $0.head = head; $0.announced = announced }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Gathered>, _ part: ByteBuffer) -> EventLoopFuture<Void> {
        let fits = state.withLock { state in
            guard state.error == nil else { return true }
            let held = state.body?.readableBytes ?? 0
            guard part.readableBytes <= limit - held else {
                state.error = TooBig()
                return false
            }
            var part = part
            if var body = state.body {
                state.body = nil  // the only reference, so the write below does not copy the buffer
                body.writeBuffer(&part)
                state.body = body
            } else if let announced = state.announced, announced > part.readableBytes {
                var body = ByteBufferAllocator().buffer(capacity: announced)
                body.writeBuffer(&part)
                state.body = body
            } else {
                state.body = part
            }
            return true
        }
        return fits ? task.eventLoop.makeSucceededVoidFuture() : task.eventLoop.makeFailedFuture(TooBig())
    }

    func didReceiveError(task: HTTPClient.Task<Gathered>, _ error: any Error) {
        state.withLock { $0.error = error }
    }

    func didFinishRequest(task: HTTPClient.Task<Gathered>) throws -> Gathered {
        try state.withLock { state in
            if let error = state.error { throw error }
            guard let head = state.head else { throw HTTPClientError.remoteConnectionClosed }
            return Gathered(head: head, body: state.body ?? ByteBuffer())
        }
    }
}
