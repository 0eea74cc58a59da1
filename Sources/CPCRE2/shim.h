// Why this shim exists:
// pcre2.h only declares its API once PCRE2_CODE_UNIT_WIDTH is defined, and the
// unsuffixed names (pcre2_compile, pcre2_match, ...) are macros that Swift cannot
// see, so Swift calls the `_8` names directly. PCRE2_UNSET and
// PCRE2_ZERO_TERMINATED are cast expressions, `(~(PCRE2_SIZE)0)`, which the
// Swift importer drops; the inline functions below expose them. The option and
// error constants are plain integer literals and import as they are.
#ifndef COPYDESK_CPCRE2_SHIM_H
#define COPYDESK_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/// The value PCRE2 stores in an ovector slot for a capture group that did not take part in the match.
static inline PCRE2_SIZE copydesk_pcre2_unset(void) { return PCRE2_UNSET; }

/// The "length" meaning "NUL-terminated". Copydesk always passes explicit lengths; kept for completeness.
static inline PCRE2_SIZE copydesk_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }

#endif
