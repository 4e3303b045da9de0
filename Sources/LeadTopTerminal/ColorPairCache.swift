/// Hands out ncurses colour pairs on demand and remembers them, so a pair is initialised once
/// and then reused by every frame. Pure bookkeeping; the terminal performs the `leadtop_init_pair`.
///
/// When every pair is taken the terminal starts over (`reset()`) and repaints the screen: pairs
/// already on screen must never be redefined underneath it, which an LRU would do.
struct ColorPairCache: Sendable {
    enum Lookup: Sendable, Hashable {
        /// Already initialised.
        case existing(Int32)
        /// New: initialise this pair number with the colours before using it.
        case allocate(Int32)
        /// No pair number left.
        case full
    }

    private struct Key: Hashable { let fg: Int32; let bg: Int32 }

    /// Usable pair numbers are 1…capacity; pair 0 is the terminal's default colours.
    let capacity: Int
    private var pairs: [Key: Int32] = [:]

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    var count: Int { pairs.count }

    mutating func pair(fg: Int32, bg: Int32) -> Lookup {
        if fg == -1 && bg == -1 { return .existing(0) }
        let key = Key(fg: fg, bg: bg)
        if let pair = pairs[key] { return .existing(pair) }
        guard pairs.count < capacity else { return .full }
        let pair = Int32(pairs.count + 1)
        pairs[key] = pair
        return .allocate(pair)
    }

    mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
    }
}
