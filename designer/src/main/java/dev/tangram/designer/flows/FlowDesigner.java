package dev.tangram.designer.flows;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.flows.DeployedFlow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The flow designer of one form. The flow is edited as a tree ({@link FlowCanvas}, {@link NodePanel})
 * and published through the engine's {@code FlowDefinitions.deploy}, which checks all of it: every
 * problem is listed and the nodes concerned are marked; nothing is deployed then. Plain BPMN XML can
 * be imported (deployed as it is, checked the same way) and the deployed BPMN exported.
 */
public final class FlowDesigner extends Composite<Div> {

  private final FlowDesignContext context;
  private final Function<DeployedFlow, Component> diagram;
  private final FlowDraft draft;
  private final FlowCanvas canvas;
  private final NodePanel panel;
  private final Div problems = new Div();
  private final Span version = new Span();
  private final Div deployed = new Div();
  private final Anchor export = new Anchor();

  /** @param diagram draws a deployed flow (the runtime's picture of the BPMN) */
  public FlowDesigner(FlowDesignContext context, Function<DeployedFlow, Component> diagram) {
    this.context = context;
    this.diagram = diagram;
    Optional<DeployedFlow> current = context.definitions().find(context.app(), context.form().key());
    this.draft = current.filter(f -> "json".equals(f.format())).map(f -> FlowDraft.read(f.source())).orElseGet(FlowDraft::new);
    this.canvas = new FlowCanvas(draft, this::select, this::changed);
    this.panel = new NodePanel(context, this::changed);
    problems.addClassName("designer-problems");
    problems.setId("flow-problems");
    problems.setVisible(false);
    Div body = new Div(canvas, panel);
    body.addClassName("flow-designer-body");
    getContent().addClassName("flow-designer");
    getContent().add(new H2(getTranslation("flow.designer.title", context.form().name())), toolbar(), problems, body, deployedSection());
    canvas.refresh();
    showDeployed(current.orElse(null));
  }

  private FlexLayout toolbar() {
    Select<String> withdraw = new Select<>();
    withdraw.setLabel(getTranslation("flow.designer.withdraw"));
    withdraw.setId("flow-withdraw");
    withdraw.setItems(FlowDraft.WITHDRAW);
    withdraw.setItemLabelGenerator(w -> getTranslation("flow.withdraw." + w));
    withdraw.setValue(FlowDraft.WITHDRAW.contains(draft.withdraw) ? draft.withdraw : "beforeApproval");
    withdraw.addValueChangeListener(e -> draft.withdraw = e.getValue());
    Button publish = new Button(getTranslation("flow.designer.publish"), VaadinIcon.UPLOAD_ALT.create(), e -> publish());
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    publish.setId("flow-publish");
    Upload upload = new Upload();
    upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
      String xml = new String(bytes, StandardCharsets.UTF_8);
      Runnable deploy = () -> {
        upload.clearFileList(); // ready for the next file
        importBpmn(xml);
      };
      UI ui = UI.getCurrent();
      if (ui != null) {
        ui.access(deploy::run);
      } else {
        deploy.run();
      }
    }));
    upload.setAcceptedFileTypes(".bpmn", ".xml", "application/xml", "text/xml");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(1024 * 1024);
    upload.setUploadButton(new Button(getTranslation("flow.designer.import"), VaadinIcon.FILE_CODE.create()));
    upload.setDropAllowed(false);
    upload.setId("flow-import");
    upload.addClassName("flow-import");
    export.setText(getTranslation("flow.designer.export"));
    export.setId("flow-export");
    export.setTarget(AnchorTarget.BLANK);
    export.setHref(DownloadHandler.fromInputStream(event -> {
      byte[] xml = context.definitions().find(context.app(), context.form().key()).map(DeployedFlow::bpmnXml).orElse("").getBytes(StandardCharsets.UTF_8);
      return new DownloadResponse(new ByteArrayInputStream(xml), context.form().key() + ".bpmn20.xml", "application/xml", xml.length);
    }));
    export.getElement().setAttribute("download", true);
    version.addClassName("designer-version");
    version.setId("flow-version");
    FlexLayout bar = new FlexLayout(withdraw, publish, upload, export, version);
    bar.addClassName("designer-toolbar");
    bar.addClassName("flow-toolbar");
    return bar;
  }

  private Div deployedSection() {
    deployed.setId("flow-diagram");
    deployed.addClassName("flow-deployed");
    Div section = new Div(new H3(getTranslation("flow.designer.deployed")), deployed);
    section.addClassName("form-sheet");
    return section;
  }

  private void select(@Nullable Object selection) {
    Object present = contains(selection) ? selection : null;
    canvas.setSelected(present);
    panel.show(present);
  }

  /** A click on a card that was just removed still arrives: ignore what is no longer in the flow. */
  private boolean contains(@Nullable Object selection) {
    Set<Object> all = new HashSet<>();
    FlowDraft.visit(draft.nodes, n -> {
      all.add(n);
      all.addAll(n.branches);
    });
    return selection != null && all.contains(selection);
  }

  /** After every edit: the problems of the last publish no longer describe this flow. */
  private void changed() {
    if (problems.isVisible()) {
      showProblems(List.of());
    } else {
      canvas.refresh();
    }
  }

  private void publish() {
    deploy(draft.write(), "flow.designer.published");
  }

  private void importBpmn(String xml) {
    deploy(xml, "flow.designer.imported");
  }

  private void deploy(String source, String doneKey) {
    try {
      DeployedFlow flow = context.definitions().deploy(context.app(), context.form().key(), source, context.actor());
      showProblems(List.of());
      Notification done = Notification.show(getTranslation(doneKey, flow.version()), 3000, Notification.Position.BOTTOM_CENTER);
      done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      showDeployed(flow);
    } catch (TangramException e) {
      showProblems(e.errors());
    }
  }

  private void showProblems(List<FieldError> found) {
    problems.removeAll();
    problems.setVisible(!found.isEmpty());
    Set<DesignNode> marked = new HashSet<>();
    if (!found.isEmpty()) {
      problems.add(new Span(getTranslation("flow.designer.problems", found.size())));
      for (FieldError error : found) {
        DesignNode node = draft.nodeAt(error.field());
        if (node != null) {
          marked.add(node);
        }
        Paragraph line = new Paragraph((node != null ? nodeLabel(node) + ": " : error.field().isEmpty() ? "" : error.field() + ": ") + error.message());
        line.addClassName("problem");
        problems.add(line);
      }
    }
    canvas.setInvalid(marked);
  }

  private String nodeLabel(DesignNode node) {
    return node.name.isBlank() ? getTranslation("flow.node." + node.type) + " " + node.id : node.name;
  }

  private void showDeployed(@Nullable DeployedFlow flow) {
    deployed.removeAll();
    export.setVisible(flow != null);
    if (flow == null) {
      version.setText(getTranslation("flow.designer.notDeployed"));
      deployed.add(new Paragraph(getTranslation("flow.designer.notDeployed")));
      return;
    }
    version.setText(getTranslation("flow.designer.version", flow.version()));
    if ("bpmn".equals(flow.format())) {
      Paragraph note = new Paragraph(getTranslation("flow.designer.bpmnNote"));
      note.addClassName("flow-note");
      note.setId("flow-bpmn-note");
      deployed.add(note);
    }
    deployed.add(diagram.apply(flow));
  }
}
