package org.relaymq.protocol.body;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Unmodifiable, order-keeping copies for record components; null becomes empty. */
final class Copies {

    private Copies() {
    }

    static <K, V> Map<K, V> map(Map<K, V> source) {
        return source == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }

    static <E> Set<E> set(Set<E> source) {
        return source == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(source));
    }

    static <E> List<E> list(List<E> source) {
        return source == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(source));
    }
}
