package org.tastemap.app.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tastemap.app.DialogHeader;
import org.tastemap.app.Icons;
import org.tastemap.app.Theme;

/** Help > About: version, license, libraries and the model's formulas. */
public final class AboutDialog {
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

    /** The model's formulas, typeset with Unicode sub- and superscripts (r is plays, p preference, c confidence). */
    public static String formulas() {
        return String.join("\n",
                "Preference\tpᵤᵢ = 1 if rᵤᵢ > 0, else 0",
                "Confidence\tcᵤᵢ = 1 + α·rᵤᵢ   (linear)",
                "\tcᵤᵢ = 1 + α·log(1 + rᵤᵢ/ε)   (logarithmic)",
                "\tcᵤᵢ = 1 + α·wᵤᵢ   (BM25),  wᵤᵢ = rᵤᵢ(K₁ + 1) / (K₁·nᵤ + rᵤᵢ) · idfᵢ,",
                "\t   nᵤ = 1 − B + B·Σᵢ rᵤᵢ / mean(Σᵢ rᵤᵢ),  idfᵢ = max(0, log N − log(1 + listenersᵢ))",
                "Loss\tΣᵤ,ᵢ cᵤᵢ (pᵤᵢ − xᵤ·yᵢ)² + λ (Σᵤ ‖xᵤ‖² + Σᵢ ‖yᵢ‖²)",
                "User step\txᵤ = (YᵀY + Yᵀ(Cᵤ − I)Y + λI)⁻¹ YᵀCᵤ p(u)",
                "Artist step\tyᵢ = (XᵀX + Xᵀ(Cᵢ − I)X + λI)⁻¹ XᵀCᵢ p(i)",
                "Score\tŝᵤᵢ = xᵤ·yᵢ",
                "Similar artists\tcos(yᵢ, yⱼ) = yᵢ·yⱼ / (‖yᵢ‖ ‖yⱼ‖)",
                "Explanation\tŝᵤᵢ = Σⱼ sᵢⱼ cᵤⱼ,  sᵢⱼ = yᵢᵀ Wᵤ yⱼ,  Wᵤ = (YᵀCᵤY + λI)⁻¹",
                "Fold-in\tx = (YᵀY + Yᵀ(C − I)Y + λI)⁻¹ YᵀC p");
    }

    static void show(Window owner) {
        show(owner, "");
    }

    /** About, with the open model's origin, parameters and provenance ({@code model}, "" or "No model" when none). */
    static void show(Window owner, String model) {
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
        // one row a formula: its name, then the formula, typeset (no monospaced ASCII)
        javafx.scene.layout.GridPane formulas = new javafx.scene.layout.GridPane();
        formulas.setId("about-formulas");
        formulas.getStyleClass().add("formulas");
        formulas.setHgap(14);
        formulas.setVgap(3);
        String[] lines = formulas().split("\n");
        for (int row = 0; row < lines.length; row++) {
            String[] parts = lines[row].split("\t", 2);
            Label name = new Label(parts[0]);
            name.getStyleClass().add("field-label");
            formulas.add(name, 0, row);
            formulas.add(new Label(parts.length > 1 ? parts[1] : ""), 1, row);
        }
        Label origin = new Label("Open model\n" + (model == null || model.isEmpty() ? "No model" : model));
        origin.setId("about-model");
        origin.setWrapText(true);
        origin.getStyleClass().add("facts");
        a.getDialogPane().setContent(new VBox(10, lead, runtime, origin, formulas));
        Theme.apply(a.getDialogPane().getStylesheets());
        a.show();
    }
}
