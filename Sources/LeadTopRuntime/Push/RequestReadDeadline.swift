import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request has not fully arrived `seconds` after its head did. The
/// server's idle timeout closes silent connections, but a body trickling a byte at a time is never
/// idle; a genuine webhook body (at most 1 MiB, sent at once) arrives in milliseconds.
final class RequestReadDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let deadline: TimeAmount
    private var pending: Scheduled<Void>?

    init(seconds: Double) { self.deadline = .nanoseconds(Int64(max(0, seconds) * 1_000_000_000)) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            pending?.cancel()
            let channel = context.channel
            pending = context.eventLoop.scheduleTask(in: deadline) { channel.close(promise: nil) }
        case .end:
            pending?.cancel()
            pending = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
        context.fireChannelInactive()
    }
}

@available(*, unavailable)
extension RequestReadDeadline: Sendable {}
