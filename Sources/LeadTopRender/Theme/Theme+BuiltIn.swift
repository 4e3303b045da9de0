/// The default and monochrome themes, built in so the binary works without the themes folder.
/// Their text is identical to `themes/default.toml` and `themes/mono.toml` (a test checks).
extension Theme {
    public static let defaultTOML = #"""
# leadtop default theme (dark). Keys are <role>_fg, <role>_bg and <role>_attrs.
# Colours: a name (red, bright-blue, default), "#rrggbb" or a palette index 0-255.
# Attributes: bold, dim, reverse, underline, italic.
name = "default"
text_fg = "default"
text_bg = "default"
dim_fg = "bright-black"
border_fg = "bright-black"
border_focused_fg = "bright-cyan"
border_focused_attrs = ["bold"]
title_fg = "white"
title_focused_fg = "bright-cyan"
title_focused_attrs = ["bold"]
header_fg = "bright-black"
header_attrs = ["bold"]
selected_fg = "black"
selected_bg = "cyan"
selected_unfocused_fg = "default"
selected_unfocused_bg = 238
status_bar_fg = "white"
status_bar_bg = 236
status_live_fg = "bright-green"
status_live_bg = 236
status_degraded_fg = "bright-yellow"
status_degraded_bg = 236
status_offline_fg = "bright-red"
status_offline_bg = 236
status_offline_attrs = ["bold"]
score_high_fg = "bright-green"
score_mid_fg = "yellow"
score_low_fg = "red"
chart_fg = "blue"
sparkline_fg = "cyan"
gauge_fg = "green"
gauge_empty_fg = 238
warning_fg = "bright-yellow"
warning_attrs = ["bold"]
error_fg = "bright-red"
error_attrs = ["bold"]
new_mark_fg = "bright-magenta"
new_mark_attrs = ["bold"]
good_fg = "green"
bad_fg = "red"
key_hint_fg = "bright-cyan"
key_hint_bg = 236
dialog_fg = "default"
dialog_bg = 235
dialog_border_fg = "bright-yellow"
dialog_border_bg = 235
campaign_active_fg = "green"
campaign_paused_fg = "yellow"
campaign_draft_fg = "bright-black"
campaign_completed_fg = "blue"

"""#

    public static let monoTOML = #"""
# leadtop monochrome theme, used when NO_COLOR is set: focus and selection show through
# attributes only.
name = "mono"
text_fg = "default"
text_bg = "default"
dim_fg = "default"
dim_attrs = ["dim"]
border_fg = "default"
border_focused_fg = "default"
border_focused_attrs = ["bold"]
title_fg = "default"
title_focused_fg = "default"
title_focused_attrs = ["bold", "reverse"]
header_fg = "default"
header_attrs = ["underline"]
selected_fg = "default"
selected_bg = "default"
selected_attrs = ["reverse", "bold"]
selected_unfocused_fg = "default"
selected_unfocused_bg = "default"
selected_unfocused_attrs = ["underline"]
status_bar_fg = "default"
status_bar_bg = "default"
status_bar_attrs = ["reverse"]
status_live_fg = "default"
status_live_bg = "default"
status_live_attrs = ["reverse"]
status_degraded_fg = "default"
status_degraded_bg = "default"
status_degraded_attrs = ["reverse", "underline"]
status_offline_fg = "default"
status_offline_bg = "default"
status_offline_attrs = ["reverse", "bold"]
score_high_fg = "default"
score_high_attrs = ["bold"]
score_mid_fg = "default"
score_low_fg = "default"
score_low_attrs = ["dim"]
chart_fg = "default"
sparkline_fg = "default"
gauge_fg = "default"
gauge_empty_fg = "default"
gauge_empty_attrs = ["dim"]
warning_fg = "default"
warning_attrs = ["bold", "underline"]
error_fg = "default"
error_attrs = ["bold", "reverse"]
new_mark_fg = "default"
new_mark_attrs = ["bold"]
good_fg = "default"
good_attrs = ["bold"]
bad_fg = "default"
bad_attrs = ["underline"]
key_hint_fg = "default"
key_hint_bg = "default"
key_hint_attrs = ["reverse", "bold"]
dialog_fg = "default"
dialog_bg = "default"
dialog_border_fg = "default"
dialog_border_bg = "default"
dialog_border_attrs = ["bold"]
campaign_active_fg = "default"
campaign_active_attrs = ["bold"]
campaign_paused_fg = "default"
campaign_draft_fg = "default"
campaign_draft_attrs = ["dim"]
campaign_completed_fg = "default"
campaign_completed_attrs = ["dim"]

"""#

    /// The dark default theme; also the fallback for roles a theme file leaves out.
    public static let `default`: Theme = builtIn("default.toml", defaultTOML)

    /// For `NO_COLOR`: focus and selection show through bold, reverse and underline only.
    public static let mono: Theme = builtIn("mono.toml", monoTOML)

    private static func builtIn(_ name: String, _ contents: String) -> Theme {
        do {
            return try parse(path: "<built-in \(name)>", contents: contents, fallback: Theme(name: "plain", styles: [:]))
        } catch {
            preconditionFailure("built-in theme does not parse: \(error)")
        }
    }
}
