package org.relaymq.protocol.body;

/** Permission bits of brokers and topics (protocol.md §4.4.3). */
public final class PermName {

    public static final int PERM_PRIORITY = 0x8;
    public static final int PERM_READ = 0x4;
    public static final int PERM_WRITE = 0x2;
    public static final int PERM_INHERIT = 0x1;
    public static final int READ_WRITE = PERM_READ | PERM_WRITE;

    private PermName() {
    }

    public static boolean isReadable(int perm) {
        return (perm & PERM_READ) == PERM_READ;
    }

    public static boolean isWritable(int perm) {
        return (perm & PERM_WRITE) == PERM_WRITE;
    }

    public static boolean isInherited(int perm) {
        return (perm & PERM_INHERIT) == PERM_INHERIT;
    }

    /** e.g. "RW-" style text for logs and the console. */
    public static String describe(int perm) {
        return (isReadable(perm) ? "R" : "-") + (isWritable(perm) ? "W" : "-") + (isInherited(perm) ? "X" : "-");
    }
}
