package org.relaymq.console.ui.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Sections of node cards, each with a state badge coloured by level. */
public final class TopologyView {

    private final TopologyViewModel model;

    @FXML private ScrollPane topologyScroll;
    @FXML private VBox sectionsBox;

    public TopologyView(TopologyViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        model.items().addListener((ListChangeListener<TopologyItem>) c -> render());
        render();
    }

    private void render() {
        Map<String, FlowPane> sections = new LinkedHashMap<>();
        for (TopologyItem item : model.items()) {
            FlowPane pane = sections.computeIfAbsent(item.section(), s -> new FlowPane(8, 8));
            Label badge = new Label(item.badge());
            badge.getStyleClass().addAll("badge", item.level().styleClass());
            VBox card = new VBox(2, new Label(item.name()), new Label(item.detail()), badge);
            card.getStyleClass().add("node-card");
            card.setId("card-" + item.name().replaceAll("[^A-Za-z0-9-]", "_"));
            pane.getChildren().add(card);
        }
        sectionsBox.getChildren().clear();
        if (sections.isEmpty()) {
            sectionsBox.getChildren().add(new Label("No nodes yet: start the demo cluster or attach to one."));
        }
        sections.forEach((name, pane) -> {
            Label title = new Label(name);
            title.getStyleClass().add("section-title");
            sectionsBox.getChildren().addAll(title, pane);
        });
    }
}
