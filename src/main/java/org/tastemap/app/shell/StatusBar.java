package org.tastemap.app.shell;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tastemap.app.task.Activity;

/**
 * The status bar: dataset, model, memory, and the running job with its progress and Cancel. A notice
 * ("Saved the model to …") gets a line of its own above, wrapped, so that it is never cut off.
 */
final class StatusBar extends VBox {
    StatusBar(MainViewModel vm) {
        getStyleClass().add("status-bar");
        Label data = new Label();
        data.setId("status-data");
        data.textProperty().bind(vm.dataStatusBinding());
        data.setTooltip(new Tooltip());
        data.getTooltip().textProperty().bind(vm.dataStatusBinding());
        Label model = new Label();
        model.setId("status-model");
        model.textProperty().bind(vm.modelStatusBinding());
        Label memory = new Label();
        memory.setId("status-memory");
        memory.textProperty().bind(vm.memoryProperty());
        Label kernels = new Label(vm.kernels());
        kernels.setId("status-kernels");
        kernels.setTooltip(new Tooltip(MainViewModel.kernelsDetail()));

        Label notice = new Label();
        notice.setId("status-notice");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(notice, Priority.ALWAYS);
        Button dismiss = new Button("×");
        dismiss.setId("status-notice-close");
        dismiss.getStyleClass().add("flat");
        dismiss.setTooltip(new Tooltip("Hide this message"));
        dismiss.setOnAction(e -> vm.noticeProperty().set(""));
        HBox noticeRow = new HBox(8, notice, dismiss);
        noticeRow.setAlignment(Pos.CENTER_LEFT);
        noticeRow.getStyleClass().add("notice-row");
        noticeRow.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        noticeRow.managedProperty().bind(noticeRow.visibleProperty());

        Label job = new Label();
        job.getStyleClass().add("job-label");
        // when a job runs, its text gives way first; model, memory and Cancel never shrink
        job.setMinWidth(0);
        job.setMaxWidth(460);
        memory.setMinWidth(USE_PREF_SIZE);
        // the data and model facts give way (ellipsis, full text in their tooltips) so that the bar never
        // makes the window wider than its 1024 px minimum, however long the model's facts are
        model.setMinWidth(0);
        data.setMinWidth(0);
        model.setTooltip(new Tooltip());
        // the full facts: where the model came from (Tastemap or Spark), its parameters and provenance
        model.getTooltip().textProperty().bind(Bindings.concat(model.textProperty(), "\n", vm.modelDetailsBinding()));
        kernels.setMinWidth(USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.setId("status-progress");
        bar.setPrefWidth(140);
        Button cancel = new Button("Cancel");
        cancel.setId("status-cancel");
        cancel.getStyleClass().add("small");
        cancel.setMinWidth(USE_PREF_SIZE);
        bar.setMinWidth(USE_PREF_SIZE);
        HBox jobBox = new HBox(8, job, bar, cancel);
        jobBox.setAlignment(Pos.CENTER_LEFT);
        Runnable refresh = () -> {
            var acts = vm.executor().activities();
            jobBox.setVisible(!acts.isEmpty());
            jobBox.setManaged(!acts.isEmpty());
            if (!acts.isEmpty()) {
                Activity a = acts.get(acts.size() - 1);
                job.textProperty().unbind();
                job.textProperty().bind(a.messageProperty().map(m -> m.isEmpty() ? a.title() + "…" : a.title() + " · " + m));
                bar.progressProperty().unbind();
                bar.progressProperty().bind(a.progressProperty());
                cancel.setOnAction(e -> a.cancel());
            }
        };
        vm.executor().activities().addListener((ListChangeListener<Activity>) c -> refresh.run());
        refresh.run();
        Separator kernelSep = new Separator(Orientation.VERTICAL);
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox facts = new HBox(10, data, new Separator(Orientation.VERTICAL), model,
                new Separator(Orientation.VERTICAL), memory, kernelSep, kernels, spacer, jobBox);
        facts.setAlignment(Pos.CENTER_LEFT);
        // the kernel path is a detail: on a narrow window it leaves the bar (the memory tooltip still says it)
        // rather than cutting the dataset or the model short
        var wide = facts.widthProperty().greaterThan(1180);
        kernels.visibleProperty().bind(wide);
        kernels.managedProperty().bind(wide);
        kernelSep.visibleProperty().bind(wide);
        kernelSep.managedProperty().bind(wide);
        memory.setTooltip(new Tooltip(MainViewModel.kernelsDetail()));
        getChildren().addAll(noticeRow, facts);
        setSpacing(4);
    }
}
