import CWidth

/// Width tables need a UTF-8 locale; `setlocale` is process-wide, so every suite that measures
/// text calls this first (it is idempotent) and the suites run serialized.
public enum TestLocale {
    public static let ready: Bool = leadtop_ensure_utf8_locale() == 1
}
