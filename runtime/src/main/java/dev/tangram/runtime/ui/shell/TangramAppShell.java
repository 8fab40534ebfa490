package dev.tangram.runtime.ui.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-wide settings. Styles are plain stylesheets served from {@code META-INF/resources}: no
 * {@code @CssImport}/{@code @JsModule}, so Vaadin's pre-compiled bundle serves the app and no
 * frontend build (Node.js) is needed.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/tangram.css")
@StyleSheet("styles/flows.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class TangramAppShell implements AppShellConfigurator {}
