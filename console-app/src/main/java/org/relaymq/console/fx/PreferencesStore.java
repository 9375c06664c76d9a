package org.relaymq.console.fx;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Remembered settings (window layout, theme, font scale, attach list). */
public interface PreferencesStore {

    Optional<String> get(String key);

    void put(String key, String value);

    default double getDouble(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A store that forgets on exit (tests, screenshots). */
    static PreferencesStore inMemory() {
        Map<String, String> values = new ConcurrentHashMap<>();
        return new PreferencesStore() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public void put(String key, String value) {
                values.put(key, value);
            }
        };
    }
}
