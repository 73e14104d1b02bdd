// The one C surface beads uses: GitHub's cmark fork and its extensions
// (tables, strikethrough, autolinks, task lists). Only BeadsMarkdown imports it.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
