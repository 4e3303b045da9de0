import Foundation

/// The account's credit balance for the current monthly period (API.md §6.4).
public struct Balance: Codable, Sendable, Hashable {
    public var creditsRemaining: Int
    public var creditsUsedThisPeriod: Int
    public var planCredits: Int
    public var periodStart: Date
    public var periodEnd: Date
    public var lowBalanceThreshold: Int
    public var lowBalance: Bool

    public init(creditsRemaining: Int, creditsUsedThisPeriod: Int, planCredits: Int, periodStart: Date,
                periodEnd: Date, lowBalanceThreshold: Int, lowBalance: Bool) {
        self.creditsRemaining = creditsRemaining; self.creditsUsedThisPeriod = creditsUsedThisPeriod
        self.planCredits = planCredits; self.periodStart = periodStart; self.periodEnd = periodEnd
        self.lowBalanceThreshold = lowBalanceThreshold; self.lowBalance = lowBalance
    }

    /// Decodes a balance, refusing a negative count (`ContractRange`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        creditsRemaining = try c.decode(Int.self, forKey: .creditsRemaining, in: ContractRange.count)
        creditsUsedThisPeriod = try c.decode(Int.self, forKey: .creditsUsedThisPeriod, in: ContractRange.count)
        planCredits = try c.decode(Int.self, forKey: .planCredits, in: ContractRange.count)
        periodStart = try c.decode(Date.self, forKey: .periodStart)
        periodEnd = try c.decode(Date.self, forKey: .periodEnd)
        lowBalanceThreshold = try c.decode(Int.self, forKey: .lowBalanceThreshold, in: ContractRange.count)
        lowBalance = try c.decode(Bool.self, forKey: .lowBalance)
    }

    enum CodingKeys: String, CodingKey {
        case creditsRemaining = "credits_remaining", creditsUsedThisPeriod = "credits_used_this_period"
        case planCredits = "plan_credits", periodStart = "period_start", periodEnd = "period_end"
        case lowBalanceThreshold = "low_balance_threshold", lowBalance = "low_balance"
    }
}
