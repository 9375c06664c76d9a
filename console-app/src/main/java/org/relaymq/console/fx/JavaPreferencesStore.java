package org.relaymq.console.fx;

import java.util.Optional;
import java.util.prefs.Preferences;

/** {@link PreferencesStore} on {@link java.util.prefs.Preferences} under one node of the user tree. */
public final class JavaPreferencesStore implements PreferencesStore {

    private final Preferences node;

    public JavaPreferencesStore(String nodePath) {
        this.node = Preferences.userRoot().node(nodePath);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(node.get(key, null));
    }

    @Override
    public void put(String key, String value) {
        node.put(key, value);
    }
}
