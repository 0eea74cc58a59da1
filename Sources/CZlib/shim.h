// Why this shim exists:
// inflateInit2 and deflateInit2 are function-like macros (they pass ZLIB_VERSION and
// sizeof(z_stream) to the real entry points), which Swift cannot import. The inline
// functions below call the real ones with exactly what the macros would pass.
#ifndef COPYDESK_CZLIB_SHIM_H
#define COPYDESK_CZLIB_SHIM_H

#include <zlib.h>

/// Starts a decoder that accepts gzip (and zlib) streams: window bits 15, +32 for header auto-detection.
static inline int copydesk_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}

/// Starts a gzip encoder (window bits 15, +16 for a gzip header and trailer) at `level` (0-9, -1 default).
static inline int copydesk_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

#endif
