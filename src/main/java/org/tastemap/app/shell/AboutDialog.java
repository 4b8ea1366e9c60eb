package org.tastemap.app.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tastemap.app.DialogHeader;
import org.tastemap.app.Icons;
import org.tastemap.app.Theme;

/** Help > About: version, license, libraries and the model's formulas. */
final class AboutDialog {
    private AboutDialog() {
    }

    static String version() {
        String v = AboutDialog.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** Which kernels run, on which Java and with how much memory. */
    static String runtime() {
        return MainViewModel.kernelsDetail() + "\nJava " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), JavaFX " + System.getProperty("javafx.runtime.version", "21") + ", up to "
                + String.format(java.util.Locale.ROOT, "%,d", Runtime.getRuntime().maxMemory() >> 20) + " MB of memory, "
                + Runtime.getRuntime().availableProcessors() + " cores.";
    }

    static void show(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("About Tastemap");
        a.getDialogPane().setHeader(DialogHeader.of("Tastemap " + version(), Icons.ARTIST));
        Label lead = new Label("An explorer for listening data over implicit-feedback ALS (Hu, Koren & Volinsky 2008).\n"
                + "License: Apache License 2.0.\n"
                + "Libraries: OpenJFX 21, ControlsFX 11 (BSD-3), EJML (Apache-2.0), Apache Commons CSV (Apache-2.0), "
                + "picocli (Apache-2.0).");
        lead.setWrapText(true);
        Label runtime = new Label(runtime());
        runtime.setId("about-runtime");
        runtime.setWrapText(true);
        runtime.getStyleClass().add("facts");
        TextArea formulas = new TextArea(String.join("\n",
                "Preference      p_ui = 1 if r_ui > 0, else 0",
                "Confidence      c_ui = 1 + alpha * r_ui            (linear)",
                "                c_ui = 1 + alpha * log(1 + r_ui/eps)  (log)",
                "Loss            sum_u,i c_ui (p_ui - x_u . y_i)^2 + lambda (sum |x_u|^2 + sum |y_i|^2)",
                "User step       x_u = (YtY + Yt(C_u - I)Y + lambda I)^-1 Yt C_u p(u)",
                "Artist step     y_i = (XtX + Xt(C_i - I)X + lambda I)^-1 Xt C_i p(i)",
                "Similar artists cos(y_i, y_j)",
                "Explanation     score_ui = sum_j s_ij c_uj,  s_ij = y_i' W_u y_j,  W_u = (Yt C_u Y + lambda I)^-1",
                "Fold-in         x = (YtY + Yt(C - I)Y + lambda I)^-1 Yt C p"));
        formulas.setEditable(false);
        formulas.getStyleClass().add("mono");
        formulas.setPrefRowCount(9);
        formulas.setPrefColumnCount(70);
        a.getDialogPane().setContent(new VBox(10, lead, runtime, formulas));
        a.getDialogPane().getStylesheets().add(Theme.stylesheet());
        a.show();
    }
}
