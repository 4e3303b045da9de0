/// Strings that attack a terminal UI while staying valid JSON strings: escape sequences (CSI, OSC,
/// OSC 8 hyperlinks), bare C0/C1 controls, carriage returns, bidi overrides, ZWJ emoji, CJK,
/// right-to-left text and one very long string.
enum HostileText {
    static let names = [
        "\u{1B}[31mRed\u{1B}[0m Alert",
        "\u{1B}]0;pwned\u{07}Title Setter",
        "\u{1B}]8;;https://evil.example\u{1B}\\Link Person\u{1B}]8;;\u{1B}\\",
        "Carriage\rReturner",
        "\u{202E}evil\u{202C} Override",
        "\u{1B}[2J\u{1B}[HScreen Clearer",
        "👩‍👩‍👧‍👦 Family Emoji",
        "עברית مرحبا Mixed",
        "Bell\u{07}\u{07}Ringer",
        "C1\u{9B}31mControl",
        "Null\u{0}Byte",
        "Tab\tand\nNewline",
        "田中\u{200D}太郎\u{FE0F}",
        String(repeating: "長い名前", count: 1250),
        String(repeating: "A", count: 5000),
    ]

    static let summaries = [
        "\u{1B}[5mBlinking\u{1B}[0m intent with \u{1B}[38;5;196mcolour\u{1B}[0m",
        "Line one\rOVERWRITE\nline two\u{07}",
        "\u{202B}right-to-left embedding\u{202C} يقيّم حلول إدارة علاقات العملاء",
        "\u{1B}P+q544e\u{1B}\\ DCS query then 🏳️‍🌈 and 👨🏽‍💻",
        String(repeating: "界", count: 280),
    ]
}
