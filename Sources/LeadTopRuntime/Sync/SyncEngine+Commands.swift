import Foundation
import LeadOSAPI
import LeadTopCore

/// Running the machine's commands against the store, the scheduler, the receiver and the sink.
extension SyncEngine {
    func execute(_ command: SyncCommand) {
        switch command {
        case .fetch(let query, let requestID): fetch(query, requestID: requestID)
        case .loadNextWrite: loadNextWrite()
        case .sendWrite(let entry, let requestID): send(entry, requestID: requestID)
        case .settleWrite(let sequence): try? store.settle(sequence)
        case .recordWriteAttempt(let sequence, let error): try? store.recordAttempt(sequence, error: error)
        case .withdrawWrite(let command, let sparing):
            let removed = (try? store.withdrawUnsent(command, sparing: sparing)) ?? false
            handle(.withdrawAnswered(command, removed: removed))
        case .startReceiver: startReceiver()
        case .stopReceiver: receiver?.stop()
        case .loadSavedRegistration(let url):
            let saved = try? store.savedWebhook(account: options.account, receiverURL: url)
            handle(.savedRegistrationLoaded(url: url, secret: saved?.secret))
        case .register(let url, let idempotencyKey, let requestID):
            register(url: url, idempotencyKey: idempotencyKey, requestID: requestID)
        case .useSecret(let secret): receiver?.setSecret(secret)
        case .saveRegistration(let webhook): try? store.saveWebhook(webhook)
        case .reloadKey: reloadKey()
        case .arm(let channel, let seconds): arm(channel, after: seconds)
        case .cancel(let channel): timers.removeValue(forKey: channel)?.work.cancel()
        case .storeLeads(let leads): storeAndEmit(leads)
        case .patchLeadFeedback(let feedback):
            if var lead = try? store.cachedLead(id: feedback.leadID) {
                lead.feedback = feedback
                storeAndEmit([lead])
            }
        case .cache(let write): cache(write)
        case .saveFeedGap(let gap): try? store.saveFeedGap(gap)
        case .emit(let update): sink(update)
        case .publishPendingCount: sink(.pendingWrites((try? store.pendingWriteCount()) ?? 0))
        case .finishRetiring:
            halted = true
            for timer in timers.values { timer.work.cancel() }
            timers = [:]
            let left = (try? store.pendingWriteCount()) ?? 0
            onRetired?(left)
            onRetired = nil
        case .logConnection(let status): options.logger?.info("connection \(status.kind)", metadata: status.logMetadata)
        }
    }

    /// One-shot timer for `channel`, replacing its pending one.
    private func arm(_ channel: SyncChannel, after seconds: TimeInterval) {
        timers.removeValue(forKey: channel)?.work.cancel()
        nextTimerToken += 1
        let token = nextTimerToken
        let work = scheduler.schedule(after: seconds) { [weak self] in
            guard let self else { return }
            self.queue.async {
                guard self.timers[channel]?.token == token else { return }
                self.timers[channel] = nil
                self.handle(.timerFired(channel))
            }
        }
        timers[channel] = ArmedTimer(token: token, work: work)
    }

    private func loadNextWrite() {
        do {
            let loaded = try store.oldestPendingWrite()
            handle(.nextWriteLoaded(loaded.entry, discarded: loaded.discarded))
        } catch {
            handle(.outboxUnreadable(reason: String(describing: error)))
        }
    }

    /// Writes leads to the cache, then tells the state which of them are new. If the cache cannot
    /// be written, they are still shown, as new.
    private func storeAndEmit(_ leads: [Lead]) {
        do {
            sink(.leads(try store.storeLeads(leads, limit: options.cacheLeadLimit)))
        } catch {
            sink(.leads(StoredLeads(added: leads)))
        }
    }

    private func cache(_ write: CacheWrite) {
        switch write {
        case .campaigns(let campaigns): try? store.cacheCampaigns(campaigns)
        case .campaign(let campaign): try? store.cacheCampaign(campaign)
        case .balance(let balance, let time): try? store.cacheValue(balance, for: .balance, at: time)
        // Stored as received: encoding 1,000 campaigns' breakdown again took 10 MB at its peak.
        case .stats(let body, let time): try? store.cacheBody(body, for: .stats, at: time)
        case .feedbackSummary(let summary, let time): try? store.cacheValue(summary, for: .feedbackSummary, at: time)
        }
    }

    /// Reads the key again; a different one replaces the client (requests in flight finish with
    /// the old one and count only if they succeed).
    private func reloadKey() {
        guard let reload = options.reloadAPIKey, let key = reload(), key != client.options.apiKey else { return }
        var replaced = clientOptions
        replaced.apiKey = key
        guard let fresh = try? LeadOSClient(options: replaced) else { return }
        client = fresh
        handle(.keyReloaded(redactedKey: APIKey.redacted(key)))
    }

    /// Starts the webhook receiver and routes its events to the machine; tells the machine when
    /// it listens, when it could not start, and when it stops serving on its own.
    private func startReceiver() {
        guard let webhook = options.webhook else { return }
        let receiver = WebhookReceiver(options: webhook, clock: clock) { [weak self] event in
            guard let self else { return }
            self.queue.async { self.handle(.pushed(event)) }
        }
        self.receiver = receiver
        Task { [weak self] in
            do {
                _ = try await receiver.start()
            } catch {
                Self.deliver(.receiverFailed(reason: String(describing: error)), to: self)
                return
            }
            guard let url = receiver.callbackURL?.absoluteString else { return }
            Self.deliver(.receiverUp(url: url), to: self)
            let reason = await receiver.stoppedServing()
            Self.deliver(.receiverStopped(reason: reason), to: self)
        }
    }

    /// Hands `event` to `engine` on its queue, if the engine is still there.
    static func deliver(_ event: SyncEvent, to engine: SyncEngine?) {
        guard let engine else { return }
        engine.queue.async { engine.handle(event) }
    }
}
