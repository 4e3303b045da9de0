/// The `:` prompt being typed: its text, where `↑`/`↓` are in the history, and the candidates
/// the last `Tab` offered (shown beside the text; another `Tab` takes the next one).
public struct CommandPrompt: Sendable, Hashable {
    public var text: String
    /// Index into the history while browsing it with `↑`/`↓`; nil while typing.
    public var historyIndex: Int?
    /// What `Tab` can complete the current word to, in order; empty until `Tab` is pressed.
    public var candidates: [String]
    /// Which candidate the text shows now (repeated `Tab` cycles).
    public var candidateIndex: Int?

    public init(text: String = "", historyIndex: Int? = nil, candidates: [String] = [], candidateIndex: Int? = nil) {
        self.text = text; self.historyIndex = historyIndex
        self.candidates = candidates; self.candidateIndex = candidateIndex
    }
}
