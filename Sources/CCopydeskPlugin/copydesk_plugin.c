#include "copydesk_plugin.h"

uint32_t copydesk_plugin_api_version(void) {
    return COPYDESK_PLUGIN_API_VERSION;
}
