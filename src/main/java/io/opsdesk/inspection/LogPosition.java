package io.opsdesk.inspection;

/**
 * Where log review stopped in one file.
 *
 * @param identity "ino:&lt;device&gt;:&lt;inode&gt;" or "created:&lt;creation time&gt;", see {@link LogFiles#identity}
 * @param headHash hash of the file's first line, empty while it has none; tells a truncated and rewritten file from the old one
 * @param offset   bytes read: the next run starts here
 */
record LogPosition(String identity, String headHash, long offset) {

    /** The same file as when this position was taken, perhaps grown or truncated, not another file at the same path. */
    boolean sameFile(LogPosition current) {
        return identity.equals(current.identity)
                && (headHash.isEmpty() || current.headHash.isEmpty() || headHash.equals(current.headHash));
    }
}
