package org.relaymq.console.ui.nodes;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.ui.Cells;

/**
 * The process table (with each node's fault rules), the operation buttons (with their expectations
 * and shortcuts: process operations, then the faults Partition / Delay / Heal), the node's log.
 */
public final class NodesView {

    private final NodesViewModel model;

    @FXML private TableView<NodeRow> nodesTable;
    @FXML private TableColumn<NodeRow, String> idColumn;
    @FXML private TableColumn<NodeRow, String> roleColumn;
    @FXML private TableColumn<NodeRow, String> addressColumn;
    @FXML private TableColumn<NodeRow, String> portsColumn;
    @FXML private TableColumn<NodeRow, String> pidColumn;
    @FXML private TableColumn<NodeRow, String> profileColumn;
    @FXML private TableColumn<NodeRow, String> uptimeColumn;
    @FXML private TableColumn<NodeRow, NodeState> stateColumn;
    @FXML private TableColumn<NodeRow, String> linkColumn;
    @FXML private TableColumn<NodeRow, String> faultsColumn;
    @FXML private TableColumn<NodeRow, String> detailColumn;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Button killButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button restartButton;
    @FXML private Button partitionButton;
    @FXML private Button delayButton;
    @FXML private Button healButton;
    @FXML private Label messageLabel;
    @FXML private Label selectedLabel;
    @FXML private ListView<String> logList;

    public NodesView(NodesViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        nodesTable.setItems(model.rows());
        Cells.bind(idColumn, NodeRow::id);
        Cells.bind(roleColumn, NodeRow::role);
        Cells.bind(addressColumn, NodeRow::address);
        Cells.bind(portsColumn, NodeRow::ports);
        Cells.bind(pidColumn, NodeRow::pid);
        Cells.bind(profileColumn, NodeRow::profile);
        Cells.bind(uptimeColumn, NodeRow::uptime);
        Cells.bind(stateColumn, NodeRow::state);
        Cells.bind(linkColumn, NodeRow::link);
        Cells.bind(faultsColumn, NodeRow::faults);
        Cells.bind(detailColumn, NodeRow::detail);
        nodesTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                model.selectedIdProperty().set(row.id());
            }
        });
        model.rows().addListener((javafx.collections.ListChangeListener<NodeRow>) c -> reselect());
        bind(startButton, "Start");
        bind(stopButton, "Stop");
        bind(killButton, "Kill -9");
        bind(pauseButton, "Pause");
        bind(resumeButton, "Resume");
        bind(restartButton, "Restart");
        bind(partitionButton, "Partition");
        bind(delayButton, "Delay");
        bind(healButton, "Heal");
        messageLabel.textProperty().bind(model.messageProperty());
        selectedLabel.textProperty().bind(model.selectedTitleProperty());
        logList.setItems(model.log());
        model.log().addListener((javafx.collections.ListChangeListener<String>) c -> logList.scrollTo(model.log().size()));
    }

    /** Rows are replaced each tick: keep the selected node selected. */
    private void reselect() {
        String id = model.selectedIdProperty().get();
        if (id == null) {
            return;
        }
        for (int i = 0; i < model.rows().size(); i++) {
            if (model.rows().get(i).id().equals(id) && nodesTable.getSelectionModel().getSelectedIndex() != i) {
                nodesTable.getSelectionModel().select(i);
            }
        }
    }

    private void bind(Button button, String operation) {
        model.command(operation).ifPresentOrElse(cmd -> {
            button.disableProperty().bind(cmd.executableProperty().not());
            button.setOnAction(e -> cmd.run());
            Tooltip tooltip = new Tooltip();
            tooltip.textProperty().bind(cmd.tooltipProperty());
            button.setTooltip(tooltip);
            button.sceneProperty().addListener((o, old, scene) -> {
                if (scene != null) {
                    scene.getAccelerators().put(KeyCombination.keyCombination(cmd.operation().shortcut()), cmd::run);
                }
            });
        }, () -> button.setDisable(true));
    }
}
