// The wide-character half of ncurses (cchar_t, setcchar, wadd_wch, wget_wch) exists only where
// NCURSES_WIDECHAR is on when <ncurses.h> is read. On macOS that header belongs to the SDK's
// Darwin module, which is built with the compiler's command-line macros alone: a #define in a
// header-only shim cannot switch it on, so Package.swift defines it for this C target there.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include "wide_curses.h"
#include <wchar.h>
#if defined(__APPLE__)
#include <ncurses.h>
#else
#include <ncursesw/ncurses.h>
#endif

int leadtop_put_cell(int y, int x, const int32_t *text, unsigned long attributes, int pair) {
    cchar_t cell;
    // ncurses 6.1 and later take a pair above 32767 through setcchar's opts; older ones (macOS's
    // own) refuse any opts.
#if defined(NCURSES_EXT_COLORS) && NCURSES_EXT_COLORS >= 20170401
    int status = setcchar(&cell, (const wchar_t *)text, (attr_t)attributes, (short)(pair > 32767 ? 0 : pair), &pair);
#else
    int status = setcchar(&cell, (const wchar_t *)text, (attr_t)attributes, (short)(pair > 32767 ? 0 : pair), NULL);
#endif
    if (status == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

int leadtop_put_character(int y, int x, uint32_t character, unsigned long attributes, int pair) {
    const int32_t text[2] = {(int32_t)character, 0};
    return leadtop_put_cell(y, x, text, attributes, pair);
}

int leadtop_get_wide_character(uint32_t *code) {
    wint_t value = 0;
    int status = wget_wch(stdscr, &value);
    *code = (uint32_t)value;
    return status;
}
