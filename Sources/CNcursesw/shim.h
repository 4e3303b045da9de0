#ifndef LEADTOP_NCURSES_SHIM_H
#define LEADTOP_NCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide-character API must be switched on here.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#if defined(__APPLE__)
// macOS ships the wide-character ncurses as plain <ncurses.h> and libncurses.
#include <ncurses.h>
#else
#include <ncursesw/ncurses.h>
// Glibc's Swift module hides these.
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);
#endif

// Function-like macros and mutable globals Swift cannot import (or rejects in Swift 6 mode).

static inline FILE *leadtop_stdout(void) { return stdout; }
static inline FILE *leadtop_stdin(void) { return stdin; }
static inline WINDOW *leadtop_stdscr(void) { return stdscr; }
static inline WINDOW *leadtop_curscr(void) { return curscr; }
static inline int leadtop_lines(void) { return LINES; }
static inline int leadtop_cols(void) { return COLS; }
static inline int leadtop_colors(void) { return COLORS; }
static inline int leadtop_color_pairs(void) { return COLOR_PAIRS; }

static inline int leadtop_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int leadtop_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

static inline attr_t leadtop_a_normal(void) { return A_NORMAL; }
static inline attr_t leadtop_a_bold(void) { return A_BOLD; }
static inline attr_t leadtop_a_dim(void) { return A_DIM; }
static inline attr_t leadtop_a_reverse(void) { return A_REVERSE; }
static inline attr_t leadtop_a_underline(void) { return A_UNDERLINE; }
static inline attr_t leadtop_a_italic(void) { return A_ITALIC; }

static inline int leadtop_getcury(WINDOW *w) { return getcury(w); }
static inline int leadtop_getcurx(WINDOW *w) { return getcurx(w); }

/// A terminfo string capability, or NULL when the terminal lacks it (tigetstr's -1 included).
static inline const char *leadtop_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}

static inline int leadtop_key_f(int n) { return KEY_F(n); }

static inline mmask_t leadtop_button_pressed(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_PRESSED); }
static inline mmask_t leadtop_button_released(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_RELEASED); }
static inline mmask_t leadtop_button_clicked(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_CLICKED); }
static inline mmask_t leadtop_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

/// Fills `cc` with up to 5 code points (one spacing character and its combining marks), the
/// attributes and an extended colour pair (pairs above 32767 travel through `opts`).
static inline int leadtop_setcchar(cchar_t *cc, const wchar_t *text, attr_t attrs, int pair) {
    return setcchar(cc, text, attrs, (short)(pair > 32767 ? 0 : pair), &pair);
}
#endif
