// The C-callable export table of an in-process Copydesk plugin.
//
// Why C: the host and the plugin each link their own copy of CopydeskPluginAPI, so Swift types
// cannot cross the library boundary (a cast between the two copies fails). Plain C function
// pointers and JSON buffers can. Every message is a line of the exec plugin protocol.
#ifndef COPYDESK_PLUGIN_H
#define COPYDESK_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

/// The API version this header describes. A host refuses a table with another version.
#define COPYDESK_PLUGIN_API_VERSION 1

/// The symbol a plugin library exports (with `@_cdecl`); it returns the table.
#define COPYDESK_PLUGIN_ENTRY_SYMBOL "copydesk_plugin_entry"

typedef struct copydesk_plugin_table {
    /// COPYDESK_PLUGIN_API_VERSION at the time the plugin was built. Must be the first member.
    uint32_t api_version;
    /// Passed back to `describe` and `create`.
    void *library;
    /// The handshake, as JSON: {"copydesk_plugin", "name", "version", "capabilities", "stages"}.
    /// The buffer is released with `release`.
    uint8_t *(*describe)(void *library, size_t *length);
    /// Creates the stage `name` from its config (a JSON object). NULL on failure, with a message
    /// in `*error` (released with `release`).
    void *(*create)(void *library, const char *name, const uint8_t *config, size_t config_length, uint8_t **error);
    /// Answers one request line ({"id", "doc"}) with one response line. Safe to call from
    /// several threads at once. The answer is released with `release`.
    uint8_t *(*process)(void *stage, const uint8_t *request, size_t request_length, size_t *length);
    /// Frees a buffer returned by the plugin.
    void (*release)(uint8_t *buffer);
    /// Frees a stage made by `create`.
    void (*destroy)(void *stage);
} copydesk_plugin_table;

/// The signature of the entry point.
typedef const copydesk_plugin_table *(*copydesk_plugin_entry_fn)(void);

/// The version constant, for Swift (macros with casts do not import).
uint32_t copydesk_plugin_api_version(void);

#endif
