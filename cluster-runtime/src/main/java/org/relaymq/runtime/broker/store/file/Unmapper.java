package org.relaymq.runtime.broker.store.file;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unmaps a {@link MappedByteBuffer} at once through {@code sun.misc.Unsafe.invokeCleaner} (module
 * jdk.unsupported), so a deleted segment's disk space and address space are freed without waiting for the
 * garbage collector. Where that is unavailable the mapping is left to the collector (logged once, at
 * debug). The caller guarantees that nothing touches the buffer afterwards.
 */
final class Unmapper {

    private static final Logger LOG = LoggerFactory.getLogger(Unmapper.class);
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("explicit unmapping is unavailable ({}); mapped segment files are released by the garbage"
                    + " collector", e.toString());
            unsafe = null;
            invokeCleaner = null;
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private Unmapper() {
    }

    /** Unmaps {@code mapping} (which must be the buffer {@code map} returned, not a slice); false if it could not. */
    static boolean unmap(MappedByteBuffer mapping) {
        if (INVOKE_CLEANER == null) {
            return false;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, mapping);
            return true;
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            LOG.debug("cannot unmap a segment file; left to the garbage collector", e);
            return false;
        }
    }
}
