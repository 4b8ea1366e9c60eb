package org.tastemap.app.shell;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.tastemap.app.task.Activity;

/** The status bar: dataset, model, memory, and the running job with its progress and Cancel. */
final class StatusBar extends HBox {
    StatusBar(MainViewModel vm) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        Label data = new Label();
        data.setId("status-data");
        data.textProperty().bind(vm.dataStatusBinding());
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
        notice.setMinWidth(0);
        HBox.setHgrow(notice, Priority.ALWAYS);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setTooltip(new Tooltip());
        notice.getTooltip().textProperty().bind(vm.noticeProperty());

        Label job = new Label();
        job.getStyleClass().add("job-label");
        // when a job runs, its text gives way first; data, model, memory, kernels and Cancel never shrink
        job.setMinWidth(0);
        job.setMaxWidth(460);
        for (Label fixed : java.util.List.of(memory, kernels)) {
            fixed.setMinWidth(USE_PREF_SIZE);
        }
        // the open data and model are what the bar is for: a long notice gives way before they do
        data.setMinWidth(USE_PREF_SIZE);
        model.setMinWidth(USE_PREF_SIZE);
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
        getChildren().addAll(data, new Separator(javafx.geometry.Orientation.VERTICAL), model,
                new Separator(javafx.geometry.Orientation.VERTICAL), memory,
                new Separator(javafx.geometry.Orientation.VERTICAL), kernels, notice, jobBox);
    }
}
