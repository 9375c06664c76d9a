package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SysFlagTest {

    @Test
    void transactionBitsAreReadAndReplaced() {
        int flag = SysFlag.COMPRESSED_FLAG | SysFlag.TRANSACTION_PREPARED_TYPE | SysFlag.BORNHOST_V6_FLAG;
        assertThat(SysFlag.transactionValue(flag)).isEqualTo(SysFlag.TRANSACTION_PREPARED_TYPE);
        int committed = SysFlag.resetTransactionValue(flag, SysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(committed).isEqualTo(0x1 | 0x8 | 0x10);
        assertThat(SysFlag.transactionValue(SysFlag.resetTransactionValue(committed,
                SysFlag.TRANSACTION_ROLLBACK_TYPE))).isEqualTo(0xC);
    }

    @Test
    void hostFlagsAndLengths() {
        int flag = SysFlag.withHostFlags(SysFlag.MULTI_TAGS_FLAG | 0x30, false, true);
        assertThat(flag).isEqualTo(0x2 | 0x20);
        assertThat(SysFlag.isBornHostV6(flag)).isFalse();
        assertThat(SysFlag.isStoreHostV6(flag)).isTrue();
        assertThat(SysFlag.bornHostLength(flag)).isEqualTo(8);
        assertThat(SysFlag.storeHostLength(flag)).isEqualTo(20);
    }

    @Test
    void compressionFlags() {
        assertThat(SysFlag.isCompressed(0x101)).isTrue();
        assertThat(SysFlag.clearCompressedFlag(0x101)).isEqualTo(0x100);
        assertThat(SysFlag.compressionType(0x1)).isEqualTo(SysFlag.COMPRESSION_ZLIB_TYPE);
        assertThat(SysFlag.compressionType(0x201)).isEqualTo(SysFlag.COMPRESSION_ZSTD_TYPE);
        assertThat(SysFlag.compressionType(0)).isZero();
    }
}
