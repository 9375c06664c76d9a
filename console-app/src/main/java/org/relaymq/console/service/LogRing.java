package org.relaymq.console.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} lines a node wrote; older lines are dropped and counted. */
public final class LogRing {

    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private long dropped;

    public LogRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
            dropped++;
        }
        lines.addLast(line);
    }

    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    public synchronized long dropped() {
        return dropped;
    }

    /** The last line that is not blank, or null. */
    public synchronized String lastNonBlank() {
        var it = lines.descendingIterator();
        while (it.hasNext()) {
            String l = it.next();
            if (!l.isBlank()) {
                return l.strip();
            }
        }
        return null;
    }
}
