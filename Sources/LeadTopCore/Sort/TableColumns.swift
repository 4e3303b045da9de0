/// The columns of the two sortable tables. They live in the core because the reducer needs to
/// know which columns a pane shows at its width: `<` and `>` move only over visible columns.
public enum TableColumns {
    /// The feed's columns: NEW mark, age, score, feedback, name, title, company, geography, email.
    public static let feed = [
        ColumnSpec("", width: 3, priority: 0),
        ColumnSpec("AGE", width: 4, priority: 1, alignRight: true),
        ColumnSpec("SCR", width: 3, priority: 2, alignRight: true),
        ColumnSpec("FB", width: 2, priority: 3),
        ColumnSpec("NAME", width: 10, flex: 3, priority: 4),
        ColumnSpec("TITLE", width: 10, flex: 3, priority: 6),
        ColumnSpec("COMPANY", width: 10, flex: 3, priority: 5),
        ColumnSpec("GEOGRAPHY", width: 10, flex: 2, priority: 8),
        ColumnSpec("EMAIL", width: 10, priority: 7),
    ]

    /// What each feed column sorts by, in `feed`'s order (the NEW mark sorts nothing).
    public static let feedKeys: [FeedOrder.Key?] = [nil, .delivered, .score, .feedback, .name, .title, .company,
                                                   .geography, .emailStatus]

    /// Campaigns: status, name, today / daily cap, paused reason, sparkline, delivered, credits.
    public static let campaigns = [
        ColumnSpec("STATUS", width: 11, priority: 0),
        ColumnSpec("NAME", width: 10, flex: 1, priority: 1),
        ColumnSpec("TODAY", width: 7, priority: 2, alignRight: true),
        ColumnSpec("WHY", width: 7, priority: 3),
        ColumnSpec("DAYS", width: 7, flex: 1, max: 14, priority: 4),
        ColumnSpec("LEADS", width: 7, priority: 5, alignRight: true),
        ColumnSpec("CREDITS", width: 7, priority: 6, alignRight: true),
    ]

    /// What each campaign column sorts by, in `campaigns`' order.
    public static let campaignKeys: [CampaignOrder.Key] = [.status, .name, .today, .reason, .days, .leads, .credits]

    /// A column's title with the sort marker (`SCR▼`, `NAME▲`), cut so that it fits `width`.
    public static func markedTitle(_ title: String, descending: Bool, width: Int) -> String {
        let marker = descending ? "▼" : "▲"
        guard width > 1 else { return width == 1 ? marker : "" }
        return String(title.prefix(width - 1)) + marker
    }
}
