#!/bin/sh
# breaking-awk: tags breaking-news articles with "breaking". A Copydesk exec plugin in sh + awk.
# The protocol is line by line, so awk must neither buffer its input nor its output:
# mawk (Debian's default awk) needs -W interactive for that; gawk and busybox awk flush on fflush().
AWK=${AWK:-awk}
here=$(dirname "$0")
if "$AWK" -W version 2>/dev/null | grep -q mawk; then
    exec "$AWK" -W interactive -f "$here/breaking.awk"
fi
exec "$AWK" -f "$here/breaking.awk"
