package org.relaymq.console.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Small helpers binding table columns to record accessors. */
public final class Cells {

    private Cells() {
    }

    public static <R, V> void bind(TableColumn<R, V> column, Function<R, V> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }
}
