# Copydesk plugin protocol v1 in awk. Line 1 is Copydesk's hello; we answer with the handshake.
# Every later line is a request {"id":N,"doc":{...}}: Copydesk writes "id" first, without spaces.
# Articles whose text starts with a breaking-news marker get the tag "breaking"; the others
# get {"id":N} (no change).
NR == 1 {
    print "{\"copydesk_plugin\":1,\"name\":\"breaking-awk\",\"version\":\"1.0.0\",\"capabilities\":[\"tags\"]}"
    fflush()
    next
}
{
    if (!match($0, /^\{"id":[0-9]+/)) {
        print "breaking-awk: request without an id: " substr($0, 1, 40) > "/dev/stderr"
        next
    }
    id = substr($0, 7, RLENGTH - 6)
    if ($0 ~ /"text":"(BREAKING|Breaking News|BREAKING NEWS|JUST IN|Just In)[:; -]/) {
        print "{\"id\":" id ",\"doc\":{\"copydesk\":{\"tags\":[\"breaking\"]}}}"
    } else {
        print "{\"id\":" id "}"
    }
    fflush()
}
