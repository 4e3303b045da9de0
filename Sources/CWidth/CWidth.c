#define _XOPEN_SOURCE 700
#include "CWidth.h"
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <strings.h>

int leadtop_wcwidth(unsigned int codepoint) {
    return wcwidth((wchar_t)codepoint);
}

static int codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int leadtop_ensure_utf8_locale(void) {
    setlocale(LC_ALL, "");
    if (codeset_is_utf8()) return 1;
    if (setlocale(LC_ALL, "C.UTF-8") && codeset_is_utf8()) return 1;
    if (setlocale(LC_ALL, "C.utf8") && codeset_is_utf8()) return 1;
#if defined(__APPLE__)
    // Older macOS releases have no C.UTF-8 locale; their UTF-8 character classes are named UTF-8.
    if (setlocale(LC_CTYPE, "UTF-8") && codeset_is_utf8()) return 1;
#endif
    return 0;
}
