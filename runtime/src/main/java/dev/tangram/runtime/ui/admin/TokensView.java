package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.TangramException;
import dev.tangram.runtime.security.ApiToken;
import dev.tangram.runtime.security.ApiTokenService;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signed-in user's long-lived API tokens (as {@code /api/v1/tokens}: every user may have their
 * own; a token acts with its owner's permissions). The secret is shown once, right after creation.
 */
@Route("admin/tokens")
@PermitAll
public class TokensView extends VerticalLayout implements HasDynamicTitle {

  static final int MAX_DAYS = 3650;
  private final ApiTokenService tokens;
  private final CurrentUser user;
  private final Grid<ApiToken> grid = new Grid<>();

  public TokensView(ApiTokenService tokens, CurrentUser user) {
    this.tokens = tokens;
    this.user = user;
    addClassName("page");
    Button create = new Button(getTranslation("admin.tokens.new"), VaadinIcon.PLUS.create(), e -> create());
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("new-token");
    grid.addColumn(ApiToken::name).setHeader(getTranslation("admin.tokens.name")).setAutoWidth(true);
    grid.addColumn(t -> String.join(", ", new TreeSet<>(t.scopes()))).setHeader(getTranslation("admin.tokens.scopes")).setAutoWidth(true);
    grid.addColumn(t -> AdminPages.time(t.createdAt())).setHeader(getTranslation("admin.tokens.created")).setAutoWidth(true);
    grid.addColumn(t -> AdminPages.time(t.expiresAt())).setHeader(getTranslation("admin.tokens.expires")).setAutoWidth(true);
    grid.addColumn(t -> getTranslation(t.revoked() ? "admin.tokens.revoked" : t.expiresAt().isBefore(Instant.now())
        ? "admin.tokens.expired" : "admin.tokens.active")).setHeader(getTranslation("admin.users.status")).setAutoWidth(true);
    grid.addComponentColumn(t -> {
      Button revoke = new Button(getTranslation("admin.tokens.revoke"), e -> {
        tokens.revoke(user.username(), t.id());
        refresh();
      });
      revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
      revoke.setEnabled(!t.revoked());
      return revoke;
    }).setAutoWidth(true).setFlexGrow(0);
    grid.setId("tokens");
    grid.setAllRowsVisible(true);
    add(AdminPages.header(getTranslation("admin.tokens.title"), create), new Paragraph(getTranslation("admin.tokens.hint")), grid);
    refresh();
  }

  private void refresh() {
    grid.setItems(tokens.listOf(user.username()));
  }

  private void create() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("admin.tokens.new"));
    TextField name = new TextField(getTranslation("admin.tokens.name"));
    name.setId("token-name");
    CheckboxGroup<String> scopes = new CheckboxGroup<>(getTranslation("admin.tokens.scopes"));
    scopes.setItems("read", "write");
    scopes.setItemLabelGenerator(s -> getTranslation("admin.tokens.scope." + s));
    scopes.setValue(Set.of("read"));
    scopes.setId("token-scopes");
    IntegerField days = new IntegerField(getTranslation("admin.tokens.days"));
    days.setValue(90);
    days.setMin(1);
    days.setMax(MAX_DAYS);
    days.setStepButtonsVisible(true);
    days.setId("token-days");
    FieldErrors errors = new FieldErrors().bind("name", name).bind("scopes", scopes).bind("expiresInDays", days);
    dialog.add(errors.box(), new FormLayout(name, scopes, days));
    Button save = new Button(getTranslation("action.create"), e -> {
      List<FieldError> problems = new ArrayList<>();
      if (name.getValue().isBlank()) {
        problems.add(new FieldError("name", "required", getTranslation("admin.required")));
      }
      if (scopes.getValue().isEmpty()) {
        problems.add(new FieldError("scopes", "enum", getTranslation("admin.tokens.scopeRequired")));
      }
      if (days.getValue() == null || days.getValue() < 1 || days.getValue() > MAX_DAYS) {
        problems.add(new FieldError("expiresInDays", "range", getTranslation("admin.tokens.daysRange", MAX_DAYS)));
      }
      if (!problems.isEmpty()) {
        errors.show(problems);
        return;
      }
      try {
        var issued = tokens.issue(user.username(), name.getValue().trim(), "api", scopes.getValue(), Duration.ofDays(days.getValue()));
        dialog.close();
        refresh();
        SecretDialog.show(getTranslation("admin.tokens.created.title"), getTranslation("admin.tokens.once"),
            List.of(new SecretDialog.Secret(getTranslation("admin.tokens.secret"), issued.secret(), "token-secret")));
      } catch (TangramException ex) {
        errors.show(ex);
      }
    });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("token-save");
    dialog.getFooter().add(new Button(getTranslation("action.cancel"), ev -> dialog.close()), save);
    dialog.setWidth("min(560px, 100vw)");
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("admin.tokens.title") + " · " + getTranslation("app.name");
  }
}
