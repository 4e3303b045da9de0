#ifndef LEADTOP_NCURSES_SHIM_H
#define LEADTOP_NCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide-character API is switched on here. That
// reaches Linux's ncursesw header, read as text; on macOS <ncurses.h> is part of the SDK's Darwin
// module, built without it, so the wide-character calls live in CWideCurses instead.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#if defined(__APPLE__)
// macOS ships the wide-character ncurses as plain <ncurses.h> and libncurses (5.7, or 6.0 in
// newer SDKs).
#include <ncurses.h>
#else
#include <ncursesw/ncurses.h>
// Glibc's Swift module hides these.
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);
#endif

// ncurses 6.1 and later take colour pairs and colours as int (init_extended_pair): pairs past
// 32767 and direct colours. The older ncurses macOS ships has only the short-valued init_pair.
// Its wide-character calls cannot be declared through this header on macOS (see CWideCurses).
#if defined(NCURSES_EXT_COLORS) && NCURSES_EXT_COLORS >= 20170401
#define LEADTOP_EXTENDED_COLORS 1
#else
#define LEADTOP_EXTENDED_COLORS 0
#endif

// Function-like macros and mutable globals Swift cannot import (or rejects in Swift 6 mode).

static inline FILE *leadtop_stdout(void) { return stdout; }
static inline FILE *leadtop_stdin(void) { return stdin; }
static inline WINDOW *leadtop_stdscr(void) { return stdscr; }
static inline WINDOW *leadtop_curscr(void) { return curscr; }
static inline int leadtop_lines(void) { return LINES; }
static inline int leadtop_cols(void) { return COLS; }
static inline int leadtop_colors(void) { return COLORS; }
/// The colour pairs usable through leadtop_init_pair (at most 32767 without extended colours).
static inline int leadtop_color_pairs(void) {
#if LEADTOP_EXTENDED_COLORS
    return COLOR_PAIRS;
#else
    return COLOR_PAIRS > 32767 ? 32767 : COLOR_PAIRS;
#endif
}

static inline int leadtop_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int leadtop_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

static inline attr_t leadtop_a_normal(void) { return A_NORMAL; }
static inline attr_t leadtop_a_bold(void) { return A_BOLD; }
static inline attr_t leadtop_a_dim(void) { return A_DIM; }
static inline attr_t leadtop_a_reverse(void) { return A_REVERSE; }
static inline attr_t leadtop_a_underline(void) { return A_UNDERLINE; }
/// Italic, or nothing where ncurses predates A_ITALIC (macOS's 5.7).
static inline attr_t leadtop_a_italic(void) {
#ifdef A_ITALIC
    return A_ITALIC;
#else
    return A_NORMAL;
#endif
}

static inline int leadtop_getcury(WINDOW *w) { return getcury(w); }
static inline int leadtop_getcurx(WINDOW *w) { return getcurx(w); }

/// A terminfo string capability, or NULL when the terminal lacks it (tigetstr's -1 included).
static inline const char *leadtop_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}

static inline int leadtop_key_f(int n) { return KEY_F(n); }

/// Button 5 (the wheel down) exists from mouse version 2 (ncurses 6); in version 1 its bits are
/// the Shift/Ctrl/Alt modifiers, so it is no mask at all there.
static inline mmask_t leadtop_button_pressed(int b) {
#if NCURSES_MOUSE_VERSION < 2
    if (b > 4) return 0;
#endif
    return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_PRESSED);
}
static inline mmask_t leadtop_button_released(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_RELEASED); }
static inline mmask_t leadtop_button_clicked(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_CLICKED); }
static inline mmask_t leadtop_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

/// Defines colour pair `pair` as `fg` on `bg` (ncurses colour numbers, -1 the default).
static inline int leadtop_init_pair(int pair, int fg, int bg) {
#if LEADTOP_EXTENDED_COLORS
    return init_extended_pair(pair, fg, bg);
#else
    if (pair > 32767 || fg > 32767 || bg > 32767) return ERR;
    return init_pair((short)pair, (short)fg, (short)bg);
#endif
}

/// Whether the ncurses linked takes int colour pairs and direct colours (6.1 and later).
static inline int leadtop_has_extended_colors(void) { return LEADTOP_EXTENDED_COLORS; }
#endif
