package org.relaymq.protocol.message;

/** MessageSysFlag bits of the SYSFLAG field and the send header {@code f} (protocol.md §5.2). */
public final class SysFlag {

    public static final int COMPRESSED_FLAG = 0x1;
    public static final int MULTI_TAGS_FLAG = 0x2;
    public static final int TRANSACTION_NOT_TYPE = 0;
    public static final int TRANSACTION_PREPARED_TYPE = 0x4;
    public static final int TRANSACTION_COMMIT_TYPE = 0x8;
    public static final int TRANSACTION_ROLLBACK_TYPE = 0xC;
    public static final int TRANSACTION_MASK = 0xC;
    public static final int BORNHOST_V6_FLAG = 0x10;
    public static final int STOREHOSTADDRESS_V6_FLAG = 0x20;
    public static final int NEED_UNWRAP_FLAG = 0x40;
    public static final int INNER_BATCH_FLAG = 0x80;
    public static final int COMPRESSION_LZ4_TYPE = 0x100;
    public static final int COMPRESSION_ZSTD_TYPE = 0x200;
    public static final int COMPRESSION_ZLIB_TYPE = 0x300;
    public static final int COMPRESSION_TYPE_MASK = 0x700;

    private SysFlag() {
    }

    /** The transaction state bits: one of the {@code TRANSACTION_*_TYPE} values. */
    public static int transactionValue(int flag) {
        return flag & TRANSACTION_MASK;
    }

    /** {@code flag} with its transaction state replaced by {@code type}. */
    public static int resetTransactionValue(int flag, int type) {
        return (flag & ~TRANSACTION_MASK) | (type & TRANSACTION_MASK);
    }

    public static boolean isCompressed(int flag) {
        return (flag & COMPRESSED_FLAG) != 0;
    }

    public static int clearCompressedFlag(int flag) {
        return flag & ~COMPRESSED_FLAG;
    }

    /** The compression algorithm bits; 0 with the compressed flag set means zlib (older clients). */
    public static int compressionType(int flag) {
        int type = flag & COMPRESSION_TYPE_MASK;
        return type == 0 && isCompressed(flag) ? COMPRESSION_ZLIB_TYPE : type;
    }

    public static boolean isBornHostV6(int flag) {
        return (flag & BORNHOST_V6_FLAG) != 0;
    }

    public static boolean isStoreHostV6(int flag) {
        return (flag & STOREHOSTADDRESS_V6_FLAG) != 0;
    }

    /** {@code flag} with the two IPv6 host bits set exactly as given. */
    public static int withHostFlags(int flag, boolean bornHostV6, boolean storeHostV6) {
        int f = flag & ~(BORNHOST_V6_FLAG | STOREHOSTADDRESS_V6_FLAG);
        if (bornHostV6) {
            f |= BORNHOST_V6_FLAG;
        }
        if (storeHostV6) {
            f |= STOREHOSTADDRESS_V6_FLAG;
        }
        return f;
    }

    /** Encoded size of the born host: 8 for IPv4, 20 for IPv6. */
    public static int bornHostLength(int flag) {
        return isBornHostV6(flag) ? 20 : 8;
    }

    /** Encoded size of the store host: 8 for IPv4, 20 for IPv6. */
    public static int storeHostLength(int flag) {
        return isStoreHostV6(flag) ? 20 : 8;
    }
}
