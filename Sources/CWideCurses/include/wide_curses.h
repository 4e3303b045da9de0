#ifndef LEADTOP_WIDE_CURSES_H
#define LEADTOP_WIDE_CURSES_H
#include <stdint.h>

// ncurses' wide-character calls behind plain C types, for the terminal module (see wide_curses.c
// for why they are compiled here rather than reached through the CNcursesw header). All act on
// stdscr.

/// Draws one character cell at row `y`, column `x`: `text` is a spacing character and up to four
/// combining marks, NUL-terminated; `attributes` are attr_t bits and `pair` a colour pair, which
/// may be above 32767 where ncurses has extended colours. Returns OK or ERR.
int leadtop_put_cell(int y, int x, const int32_t *text, unsigned long attributes, int pair);

/// `leadtop_put_cell` for a single character, the common case (printable ASCII).
int leadtop_put_character(int y, int x, uint32_t character, unsigned long attributes, int pair);

/// One `wget_wch`: OK with a character in `code`, KEY_CODE_YES with a key code, or ERR.
int leadtop_get_wide_character(uint32_t *code);

#endif
