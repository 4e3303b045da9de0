import Foundation
import LeadOSContract

/// The `:` prompt: editing, `Tab` completion, `↑`/`↓` history, and running a command through the
/// same `perform` the keys use.
extension AppState {
    static let maxCommandLength = 200
    /// Commands kept in the history (the oldest go first).
    static let commandHistoryLimit = 100

    mutating func handleCommandKey(_ key: Key, prompt: CommandPrompt) -> [Effect] {
        switch key {
        case .esc:
            modal = nil
            return []
        case .enter:
            modal = nil
            return runCommandLine(prompt.text)
        case .tab:
            modal = .commandPrompt(complete(prompt))
        case .up, .down:
            modal = .commandPrompt(browseHistory(prompt, older: key == .up))
        default:
            if let edited = Self.edit(prompt.text, with: key, limit: Self.maxCommandLength) {
                modal = .commandPrompt(CommandPrompt(text: edited))
            }
        }
        return []
    }

    /// Runs a line: parse errors are shown, the line joins the history either way (so a typo
    /// can be recalled and fixed).
    mutating func runCommandLine(_ line: String) -> [Effect] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        var effects: [Effect] = []
        if commandHistory.last != trimmed {
            commandHistory.append(trimmed)
            if commandHistory.count > Self.commandHistoryLimit {
                commandHistory.removeFirst(commandHistory.count - Self.commandHistoryLimit)
            }
            effects.append(.saveCommandHistory(commandHistory))
        }
        switch Command.parse(trimmed) {
        case .failure(let error):
            show(error.description, kind: .error)
            return effects
        case .success(let command):
            return run(command) + effects
        }
    }

    mutating func run(_ command: Command) -> [Effect] {
        switch command {
        case .action(let action):
            return perform(action)
        case .pause(let target), .resume(let target):
            guard let campaign = findCampaign(target) else { return [] }
            let wanted: CampaignStatus = if case .pause = command { .active } else { .paused }
            guard campaign.status == wanted || campaign.status == .draft || campaign.status == .completed else {
                show("\(campaign.name) is already \(campaign.status.rawValue)", kind: .error)
                return []
            }
            focus = .campaigns
            if let row = campaignIndex[campaign.id] { selectCampaign(row: row) }
            return requestPauseOrResume()
        case .scope(let target):
            if target.lowercased() == "all" { return setScope(nil) }
            guard let campaign = findCampaign(target) else { return [] }
            return setScope(campaign.id)
        case .filter(let text):
            applyFilter(text)
            return []
        case .theme(let name):
            show("Loading theme \(name)…")
            return [.switchTheme(name)]
        case .suppressFile(let path):
            return requestFileSuppression(path: path)
        case .profile(let name):
            return runProfileCommand(name)
        case .export(let path):
            return startExport(to: path)
        case .range(let range):
            return setStatsRange(range, refusal: "")
        }
    }

    /// A campaign by id, by whole name (any case), or by the start of exactly one name; otherwise
    /// nil, with the reason shown.
    mutating func findCampaign(_ target: String) -> Campaign? {
        if let row = campaignIndex[target] { return campaigns[row] }
        let lowered = target.lowercased()
        if let exact = campaigns.first(where: { $0.name.lowercased() == lowered }) { return exact }
        let matches = campaigns.filter { $0.name.lowercased().hasPrefix(lowered) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            show("No campaign is named or starts with “\(target)”", kind: .error)
        } else {
            show("\(matches.count) campaigns start with “\(target)”: Tab shows them", kind: .error)
        }
        return nil
    }

    /// `Tab`: the first press finds the candidates for the word being typed and shows the first;
    /// each further press shows the next.
    func complete(_ prompt: CommandPrompt) -> CommandPrompt {
        if let index = prompt.candidateIndex, !prompt.candidates.isEmpty {
            let next = (index + 1) % prompt.candidates.count
            return CommandPrompt(text: replacingLastWord(prompt.text, with: prompt.candidates[next]),
                                 candidates: prompt.candidates, candidateIndex: next)
        }
        let candidates = completions(for: prompt.text)
        guard let first = candidates.first else { return CommandPrompt(text: prompt.text) }
        if candidates.count == 1 {
            return CommandPrompt(text: replacingLastWord(prompt.text, with: first) + " ")
        }
        return CommandPrompt(text: replacingLastWord(prompt.text, with: first), candidates: candidates, candidateIndex: 0)
    }

    /// What the word being typed can become: a command name, or the argument of one.
    func completions(for text: String) -> [String] {
        guard let space = text.firstIndex(of: " ") else {
            let typed = text.lowercased()
            return Command.names.filter { $0.hasPrefix(typed) }
        }
        let name = String(text[..<space])
        let typed = String(text[text.index(after: space)...]).trimmingCharacters(in: .whitespaces).lowercased()
        guard let kind = Command.withArgument.first(where: { $0.name == name })?.kind else { return [] }
        let pool: [String]
        switch kind {
        case .campaign: pool = (name == "scope" ? ["all"] : []) + campaigns.map(\.name)
        case .theme: pool = themeNames
        case .profile: pool = profileNames
        case .text, .path: pool = []
        case .range: pool = StatsRange.allCases.map(\.name)
        }
        return pool.filter { $0.lowercased().hasPrefix(typed) }
    }

    /// The command with its argument replaced, or the command name replaced when there is none.
    private func replacingLastWord(_ text: String, with word: String) -> String {
        guard let space = text.firstIndex(of: " ") else { return word }
        return String(text[..<space]) + " " + word
    }

    /// `↑` goes to older commands, `↓` to newer ones and past the newest back to an empty line.
    func browseHistory(_ prompt: CommandPrompt, older: Bool) -> CommandPrompt {
        guard !commandHistory.isEmpty else { return prompt }
        let current = prompt.historyIndex ?? commandHistory.count
        let next = older ? max(0, current - 1) : current + 1
        guard next < commandHistory.count else { return CommandPrompt() }
        return CommandPrompt(text: commandHistory[next], historyIndex: next)
    }
}
