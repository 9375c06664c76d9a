package org.relaymq.console.ui.timeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.relaymq.console.fx.FileChooserService;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.GatewayListener;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * Every event from every node on one time axis: a lane per node, filters by node and kind, pause
 * (new events wait, the view holds still), scroll-back, export to JSON and CSV.
 */
public final class TimelineViewModel implements GatewayListener {

    public static final String ALL = "(all)";

    private final TimeSource time;
    private final UiExecutor ui;
    private final FileChooserService files;
    private final int capacity;
    private final ArrayDeque<TimelineEntry> all = new ArrayDeque<>();
    private final List<TimelineEntry> held = new ArrayList<>();
    private final ObservableList<TimelineEntry> visible = FXCollections.observableArrayList();
    private final ObservableList<String> lanes = FXCollections.observableArrayList();
    private final ObservableList<String> nodeChoices = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> kindChoices = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<String> nodeFilter = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> kindFilter = new SimpleObjectProperty<>(ALL);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final DoubleProperty scrollBackSeconds = new SimpleDoubleProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("no events yet");
    private long frozenAt = -1;

    public TimelineViewModel(TimeSource time, UiExecutor ui, FileChooserService files, int capacity) {
        this.time = time;
        this.ui = ui;
        this.files = files;
        this.capacity = capacity;
        nodeFilter.addListener((o, a, b) -> rebuild());
        kindFilter.addListener((o, a, b) -> rebuild());
        paused.addListener((o, was, now) -> onPauseChanged(now));
    }

    public ObservableList<TimelineEntry> visible() {
        return visible;
    }

    public ObservableList<String> lanes() {
        return lanes;
    }

    public ObservableList<String> nodeChoices() {
        return nodeChoices;
    }

    public ObservableList<String> kindChoices() {
        return kindChoices;
    }

    public ObjectProperty<String> nodeFilterProperty() {
        return nodeFilter;
    }

    public ObjectProperty<String> kindFilterProperty() {
        return kindFilter;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** How far back from the newest moment the lane window ends (0 = now). */
    public DoubleProperty scrollBackSecondsProperty() {
        return scrollBackSeconds;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public void onEvent(String address, NodeEvent event) {
        TimelineEntry entry = TimelineEntry.of(event, time.monotonicMillis());
        ui.execute(() -> add(entry));
    }

    private void add(TimelineEntry e) {
        if (paused.get()) {
            held.add(e);
            updateStatus();
            return;
        }
        append(e);
        if (matches(e)) {
            visible.add(e);
            if (visible.size() > capacity) {
                visible.remove(0);
            }
        }
        updateStatus();
    }

    private void append(TimelineEntry e) {
        all.addLast(e);
        if (all.size() > capacity) {
            all.removeFirst();
        }
        if (!lanes.contains(e.node())) {
            lanes.add(e.node());
            nodeChoices.add(e.node());
        }
        if (!kindChoices.contains(e.kind())) {
            kindChoices.add(e.kind());
        }
    }

    private void onPauseChanged(boolean nowPaused) {
        if (nowPaused) {
            frozenAt = time.monotonicMillis();
        } else {
            frozenAt = -1;
            scrollBackSeconds.set(0);
            held.forEach(this::append);
            held.clear();
            rebuild();
        }
        updateStatus();
    }

    private boolean matches(TimelineEntry e) {
        return (ALL.equals(nodeFilter.get()) || e.node().equals(nodeFilter.get()))
                && (ALL.equals(kindFilter.get()) || e.kind().equals(kindFilter.get()));
    }

    private void rebuild() {
        visible.setAll(all.stream().filter(this::matches).toList());
        updateStatus();
    }

    private void updateStatus() {
        String base = all.isEmpty() ? "no events yet" : visible.size() + " of " + all.size() + " events shown";
        status.set(paused.get() ? "PAUSED — " + held.size() + " new events held; " + base : base);
    }

    /** The right edge of the lane window, console monotonic millis: now, the pause moment, minus scroll-back. */
    public long windowEnd() {
        long end = frozenAt >= 0 ? frozenAt : time.monotonicMillis();
        return end - (long) (scrollBackSeconds.get() * 1000);
    }

    /** Entries shown (after filters) whose arrival lies in [from, to]. */
    public List<TimelineEntry> entriesBetween(long from, long to) {
        return visible.stream().filter(e -> e.receivedAt() >= from && e.receivedAt() <= to).toList();
    }

    public Optional<Path> exportJson() {
        return export("json", TimelineExport.toJson(List.copyOf(visible)));
    }

    public Optional<Path> exportCsv() {
        return export("csv", TimelineExport.toCsv(List.copyOf(visible)));
    }

    private Optional<Path> export(String ext, String content) {
        Optional<Path> target = files.chooseSaveFile("Export timeline", "relaymq-timeline." + ext, ext);
        target.ifPresent(p -> {
            try {
                Files.writeString(p, content, StandardCharsets.UTF_8);
                status.set("exported " + visible.size() + " events to " + p);
            } catch (IOException e) {
                status.set("export failed: " + e.getMessage());
            }
        });
        return target;
    }
}
