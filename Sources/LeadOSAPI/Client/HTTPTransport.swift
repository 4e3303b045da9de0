import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP exchange over URLSession with a hard size cap and a hard deadline. A delegate (not a
/// completion handler) receives the body so an oversize reply is cut off as soon as it crosses the
/// cap, and a timer cancels a slow-loris reply that trickles bytes past URLSession's idle timeout.
final class HTTPTransport: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Reply: Sendable {
        var response: HTTPURLResponse
        var body: Data
    }

    /// In-flight exchanges by task identifier. Guarded by `lock`; continuations resume exactly once
    /// because an entry is removed under the lock before its continuation is resumed.
    private struct Exchange {
        var continuation: CheckedContinuation<Reply, any Error>
        var limit: Int
        var body = Data()
        var response: HTTPURLResponse?
        var failure: LeadOSError?
    }

    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]
    private var session: URLSession?

    init(configuration: URLSessionConfiguration) {
        super.init()
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
    }

    /// Breaks the session → delegate reference cycle; in-flight requests finish first.
    func invalidate() {
        lock.lock(); let s = session; session = nil; lock.unlock()
        s?.finishTasksAndInvalidate()
    }

    func send(_ request: URLRequest, limit: Int, timeout: TimeInterval) async throws -> Reply {
        let session = lock.withLock { self.session }
        guard let session else { throw LeadOSError.cancelled }
        let task = session.dataTask(with: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Reply, any Error>) in
                lock.lock()
                exchanges[task.taskIdentifier] = Exchange(continuation: continuation, limit: limit)
                lock.unlock()
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak self, weak task] in
                    guard let self, let task else { return }
                    self.fail(task, with: .timeout(seconds: timeout))
                }
                task.resume()
            }
        } onCancel: {
            self.fail(task, with: .cancelled)
        }
    }

    /// Records why a task is being stopped, then cancels it; completion reports the recorded reason.
    private func fail(_ task: URLSessionTask, with error: LeadOSError) {
        lock.lock()
        let live = exchanges[task.taskIdentifier] != nil
        if live, exchanges[task.taskIdentifier]?.failure == nil { exchanges[task.taskIdentifier]?.failure = error }
        lock.unlock()
        if live { task.cancel() }
    }

    // MARK: - URLSessionDataDelegate

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.lock()
        let limit = exchanges[dataTask.taskIdentifier]?.limit ?? 0
        exchanges[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
        lock.unlock()
        if response.expectedContentLength > Int64(limit) {
            fail(dataTask, with: .oversize(limitBytes: limit))
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        var tooBig = false
        if var exchange = exchanges[dataTask.taskIdentifier], exchange.failure == nil {
            if exchange.body.count + data.count > exchange.limit {
                tooBig = true
            } else {
                exchange.body.append(data)
                exchanges[dataTask.taskIdentifier] = exchange
            }
        }
        let limit = exchanges[dataTask.taskIdentifier]?.limit ?? 0
        lock.unlock()
        if tooBig { fail(dataTask, with: .oversize(limitBytes: limit)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.lock()
        let exchange = exchanges.removeValue(forKey: task.taskIdentifier)
        lock.unlock()
        guard let exchange else { return }
        if let failure = exchange.failure {
            exchange.continuation.resume(throwing: failure)
        } else if let error {
            exchange.continuation.resume(throwing: Self.map(error))
        } else if let response = exchange.response ?? (task.response as? HTTPURLResponse) {
            exchange.continuation.resume(returning: Reply(response: response, body: exchange.body))
        } else {
            exchange.continuation.resume(throwing: LeadOSError.transport("no HTTP response"))
        }
    }

    private static func map(_ error: any Error) -> LeadOSError {
        if let urlError = error as? URLError {
            switch urlError.code {
            case .timedOut: return .timeout(seconds: 0)
            case .cancelled: return .cancelled
            default: return .transport(Sanitize.excerpt(urlError.localizedDescription, max: 160))
            }
        }
        return .transport(Sanitize.excerpt(String(describing: error), max: 160))
    }
}
