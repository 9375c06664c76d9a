package org.relaymq.console.ui.routing;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.relaymq.console.ui.Cells;

/** Cached routes, decision stream, isolated brokers, pull sources. */
public final class RoutingView {

    private final RoutingViewModel model;

    @FXML private Label messageLabel;
    @FXML private TableView<ClientRouteRow> routesTable;
    @FXML private TableColumn<ClientRouteRow, String> clientColumn;
    @FXML private TableColumn<ClientRouteRow, String> topicColumn;
    @FXML private TableColumn<ClientRouteRow, String> brokersColumn;
    @FXML private TableColumn<ClientRouteRow, String> polledColumn;
    @FXML private TableColumn<ClientRouteRow, String> nextPollColumn;
    @FXML private TableColumn<ClientRouteRow, String> freshnessColumn;
    @FXML private ListView<String> decisionList;
    @FXML private ListView<String> isolatedList;
    @FXML private ListView<String> pullSourceList;

    public RoutingView(RoutingViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        messageLabel.textProperty().bind(model.messageProperty());
        routesTable.setItems(model.routeRows());
        Cells.bind(clientColumn, ClientRouteRow::client);
        Cells.bind(topicColumn, ClientRouteRow::topic);
        Cells.bind(brokersColumn, ClientRouteRow::brokers);
        Cells.bind(polledColumn, ClientRouteRow::polled);
        Cells.bind(nextPollColumn, ClientRouteRow::nextPoll);
        Cells.bind(freshnessColumn, ClientRouteRow::freshness);
        decisionList.setItems(model.decisions());
        isolatedList.setItems(model.isolated());
        pullSourceList.setItems(model.pullSources());
    }
}
