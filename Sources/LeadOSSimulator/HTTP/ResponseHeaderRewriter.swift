import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Edits each response's header fields on their way out, after Hummingbird's `Application` has
/// added its own: it always writes a `Date` from the wall clock, while the simulator's `Date` must
/// follow the simulated clock (the leads' `delivered_at` do, and clients bound their feed cursor
/// by it), and a scripted test server sends only the `Date` its script names.
public final class ResponseHeaderRewriter: ChannelOutboundHandler, RemovableChannelHandler {
    public typealias OutboundIn = HTTPResponsePart
    public typealias OutboundOut = HTTPResponsePart

    private let rewrite: @Sendable (inout HTTPFields) -> Void

    public init(_ rewrite: @escaping @Sendable (inout HTTPFields) -> Void) { self.rewrite = rewrite }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        rewrite(&head.headerFields)
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }
}

@available(*, unavailable)
extension ResponseHeaderRewriter: Sendable {}
