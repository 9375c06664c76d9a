package org.relaymq.console.ui.registrations;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import org.relaymq.console.ui.Cells;
import org.relaymq.console.ui.Level;

/** Binds the registrations table to its view model; the expiry column is a coloured bar. */
public final class RegistrationsView {

    private final RegistrationsViewModel model;

    @FXML private ListView<String> nameServerList;
    @FXML private Label messageLabel;
    @FXML private TableView<RegistrationRow> registrationsTable;
    @FXML private TableColumn<RegistrationRow, String> nameServerColumn;
    @FXML private TableColumn<RegistrationRow, String> brokerColumn;
    @FXML private TableColumn<RegistrationRow, String> addressColumn;
    @FXML private TableColumn<RegistrationRow, String> sinceColumn;
    @FXML private TableColumn<RegistrationRow, String> nextColumn;
    @FXML private TableColumn<RegistrationRow, RegistrationRow> expiryColumn;
    @FXML private TableColumn<RegistrationRow, String> statusColumn;
    @FXML private TableColumn<RegistrationRow, String> freshnessColumn;

    public RegistrationsView(RegistrationsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        nameServerList.setItems(model.nameServerSummaries());
        messageLabel.textProperty().bind(model.messageProperty());
        registrationsTable.setItems(model.rows());
        Cells.bind(nameServerColumn, RegistrationRow::nameServer);
        Cells.bind(brokerColumn, RegistrationRow::broker);
        Cells.bind(addressColumn, RegistrationRow::brokerAddr);
        Cells.bind(sinceColumn, RegistrationRow::sinceLast);
        Cells.bind(nextColumn, RegistrationRow::nextExpected);
        Cells.bind(expiryColumn, r -> r);
        expiryColumn.setCellFactory(c -> new ExpiryCell());
        Cells.bind(statusColumn, RegistrationRow::status);
        Cells.bind(freshnessColumn, RegistrationRow::freshness);
    }

    /** A bar filling toward expiry, coloured by level, with the remaining time beside it. */
    private static final class ExpiryCell extends TableCell<RegistrationRow, RegistrationRow> {
        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final HBox box = new HBox(6, bar, text);

        ExpiryCell() {
            bar.setPrefWidth(110);
        }

        @Override
        protected void updateItem(RegistrationRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(row.expiryFraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : row.expiryFraction());
            for (Level l : Level.values()) {
                bar.getStyleClass().remove(l.styleClass());
            }
            bar.getStyleClass().add(row.level().styleClass());
            text.setText(row.expiryText());
            setGraphic(box);
        }
    }
}
