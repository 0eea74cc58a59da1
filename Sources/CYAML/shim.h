// The shim exists so that the module map names one local header instead of an
// absolute system path: the compiler finds <yaml.h> through the normal include
// paths (or the flags pkg-config gives for yaml-0.1), wherever libyaml-dev put it.
#ifndef COPYDESK_CYAML_SHIM_H
#define COPYDESK_CYAML_SHIM_H

#include <yaml.h>

#endif
