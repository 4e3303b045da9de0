import Foundation
import LeadOSAPI
import LeadTopCore

/// A refused API key (401/403) is not an outage: no amount of retrying fixes it. The machine
/// stops every poller and holds the outbox, checks the key once every `keyCheckInterval` (and when
/// the user presses R, after reading the key again from where it came from), and resumes
/// everything the moment a request succeeds. Queued writes are never dropped or refused for it.
extension SyncMachine {
    /// Enters (or stays in) the key-rejected state after `failure`.
    mutating func rejectKey(_ failure: SyncFailure) {
        for resource in Resource.allCases {
            cancelTimer(SyncChannel(resource))
            polls[resource]?.failures = 0
        }
        cancelTimer(.outbox)
        if !isArmed(.keyCheck) { scheduleKeyCheck() }
        keyRejection = KeyRejection(status: failure.status ?? 401, redactedKey: redactedKey,
                                    message: failure.message ?? failure.summary, nextCheck: keyCheckDue)
        publishConnection()
    }

    /// One request that tells whether the key works: the balance, the smallest reply.
    mutating func checkKey() {
        guard isRunning, keyRejection != nil else { return }
        cancelTimer(.keyCheck)
        poll(.balance)
    }

    /// A check that failed for another reason (network, 5xx): the key is still unproven, so the
    /// next check keeps the same pace.
    mutating func keyCheckFailed() {
        guard keyRejection != nil else { return }
        if !isArmed(.keyCheck) { scheduleKeyCheck() }
        keyRejection?.nextCheck = keyCheckDue
        publishConnection()
    }

    /// A request succeeded while the key was refused: it works again. Every poller starts now
    /// (except `except`, whose reply just arrived), then the outbox and push registration.
    mutating func keyAccepted(except resource: Resource?) {
        guard keyRejection != nil else { return }
        keyRejection = nil
        cancelTimer(.keyCheck)
        for other in enabledResources where other != resource { poll(other) }
        drainOutbox(force: true)
        if push.awaitingKey, let url = push.receiverURL {
            push.awaitingKey = false
            send(.loadSavedRegistration(url: url))
        }
    }

    /// The key was read again and changed: the rejection shows the new one.
    mutating func keyReloaded(_ redacted: String) {
        redactedKey = redacted
        keyRejection?.redactedKey = redacted
    }

    private mutating func scheduleKeyCheck() {
        keyCheckDue = now.addingTimeInterval(configuration.keyCheckInterval)
        arm(.keyCheck, after: configuration.keyCheckInterval)
    }
}
