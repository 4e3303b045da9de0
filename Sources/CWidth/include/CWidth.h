#ifndef CWIDTH_H
#define CWIDTH_H
#include <stddef.h>
#include <wchar.h>

/// Display width of one code point, as the terminal (ncursesw) will compute it.
/// Returns -1 for non-printable characters, 0 for combining marks, 2 for wide ones.
int leadtop_wcwidth(unsigned int codepoint);

/// Makes sure the process runs in a UTF-8 locale so that wcwidth knows wide characters.
/// Returns 1 when a UTF-8 locale is in force afterwards.
int leadtop_ensure_utf8_locale(void);
#endif
