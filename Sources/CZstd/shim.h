// The shim exists so that the module map names one local header instead of an
// absolute system path: the compiler finds <zstd.h> through the normal include
// paths (or the flags pkg-config gives for libzstd), wherever libzstd-dev put it.
// The streaming API used (ZSTD_compressStream2, ZSTD_decompressStream) is stable
// since zstd 1.4; nothing here needs ZSTD_STATIC_LINKING_ONLY.
#ifndef COPYDESK_CZSTD_SHIM_H
#define COPYDESK_CZSTD_SHIM_H

#include <zstd.h>

#endif
