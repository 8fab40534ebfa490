package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.webhooks.Delivery;
import dev.tangram.engine.webhooks.Subscription;
import dev.tangram.engine.webhooks.WebhookService;
import dev.tangram.runtime.ui.shell.CurrentUser;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The delivery log of one subscription, newest first: per delivery its state and attempts, and per
 * attempt (shown when a row is opened) the receiver's status, latency and the start of its answer.
 * The state filter's "dead" lists the dead letters; any delivery can be sent again.
 */
final class DeliveryLog extends VerticalLayout {

  static final int PAGE = 100;
  private final WebhookService webhooks;
  private final CurrentUser user;
  private final Select<String> state = new Select<>();
  private final Grid<Delivery> grid = new Grid<>();
  private final H3 title = new H3();
  private @Nullable Subscription subscription;

  DeliveryLog(WebhookService webhooks, CurrentUser user) {
    this.webhooks = webhooks;
    this.user = user;
    setPadding(false);
    setId("delivery-log");
    state.setLabel(getTranslation("admin.deliveries.state"));
    state.setItems("", Delivery.PENDING, Delivery.DELIVERED, Delivery.DEAD);
    state.setItemLabelGenerator(s -> getTranslation(s.isEmpty() ? "admin.all" : "admin.deliveries." + s));
    state.setValue("");
    state.addValueChangeListener(e -> refresh());
    state.setId("delivery-state");
    Button reload = new Button(getTranslation("admin.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
    reload.setId("deliveries-refresh");
    HorizontalLayout bar = new HorizontalLayout(state, reload);
    bar.setAlignItems(Alignment.BASELINE);
    grid.addColumn(d -> AdminPages.time(d.createdAt())).setHeader(getTranslation("admin.deliveries.created")).setAutoWidth(true);
    grid.addColumn(Delivery::type).setHeader(getTranslation("admin.deliveries.type")).setAutoWidth(true);
    grid.addColumn(d -> d.recordId() == null ? "" : d.recordId() + " v" + d.recordVersion()).setHeader(getTranslation("admin.deliveries.record")).setAutoWidth(true);
    grid.addColumn(d -> getTranslation("admin.deliveries." + d.state())).setHeader(getTranslation("admin.deliveries.state")).setAutoWidth(true)
        .setPartNameGenerator(d -> "state-" + d.state());
    grid.addColumn(Delivery::attempts).setHeader(getTranslation("admin.deliveries.attempts")).setAutoWidth(true);
    grid.addColumn(d -> d.log().isEmpty() ? "" : status(d.log().getLast())).setHeader(getTranslation("admin.deliveries.lastStatus")).setAutoWidth(true);
    grid.addColumn(d -> d.log().isEmpty() ? "" : d.log().getLast().latencyMs() + " ms").setHeader(getTranslation("admin.deliveries.latency")).setAutoWidth(true);
    grid.addComponentColumn(d -> {
      Button again = new Button(getTranslation("admin.deliveries.redeliver"), VaadinIcon.REPLY.create(), e -> redeliver(d));
      again.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      return again;
    }).setAutoWidth(true).setFlexGrow(0);
    grid.setItemDetailsRenderer(new ComponentRenderer<>(this::attempts));
    grid.setAllRowsVisible(true);
    grid.setId("deliveries");
    add(title, bar, grid);
    setVisible(false);
  }

  void show(@Nullable Subscription subscription) {
    this.subscription = subscription;
    setVisible(subscription != null);
    if (subscription != null) {
      title.setText(getTranslation("admin.deliveries.title", subscription.url()));
      refresh();
    }
  }

  private void refresh() {
    if (subscription == null) {
      return;
    }
    try {
      grid.setItems(webhooks.deliveries(subscription.id(), state.getValue() == null || state.getValue().isEmpty() ? null : state.getValue(),
          0, PAGE, user.actor()));
    } catch (TangramException e) {
      AdminPages.refused(e);
    }
  }

  private void redeliver(Delivery delivery) {
    try {
      webhooks.redeliver(delivery.subscription(), delivery.id(), user.actor());
      AdminPages.done(getTranslation("admin.deliveries.queued"));
      refresh();
    } catch (TangramException e) {
      AdminPages.refused(e);
    }
  }

  private Div attempts(Delivery delivery) {
    Div box = new Div();
    box.addClassName("attempts");
    if (delivery.log().isEmpty()) {
      box.add(new Paragraph(getTranslation("admin.deliveries.noAttempts")));
    }
    Grid<Delivery.Attempt> attempts = new Grid<>();
    attempts.addColumn(Delivery.Attempt::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    attempts.addColumn(a -> AdminPages.time(a.at())).setHeader(getTranslation("admin.deliveries.at")).setAutoWidth(true);
    attempts.addColumn(DeliveryLog::status).setHeader(getTranslation("admin.deliveries.status")).setAutoWidth(true);
    attempts.addColumn(a -> a.latencyMs() + " ms").setHeader(getTranslation("admin.deliveries.latency")).setAutoWidth(true);
    attempts.addColumn(Delivery.Attempt::excerpt).setHeader(getTranslation("admin.deliveries.excerpt")).setFlexGrow(1);
    attempts.setItems(List.copyOf(delivery.log()));
    attempts.setAllRowsVisible(true);
    attempts.addClassName("attempt-grid");
    box.add(new Paragraph(getTranslation("admin.deliveries.id", delivery.id(), AdminPages.time(delivery.nextAt()))), attempts);
    return box;
  }

  private static String status(Delivery.Attempt attempt) {
    return attempt.status() == 0 ? "—" : String.valueOf(attempt.status());
  }
}
