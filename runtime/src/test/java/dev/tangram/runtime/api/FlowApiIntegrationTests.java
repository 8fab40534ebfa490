package dev.tangram.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.flows.internal.BpmnElements;
import java.util.HashSet;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A flow over HTTP: saved, a record submitted into it, approved by two users, with the inbox lists and refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FlowApiIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Test
  void bpmnExpressionsReachTheFlowHooksOnlyAndXmlIsParsedSafely() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(new HashSet<>(configuration.getBeans().keySet())).isEqualTo(new HashSet<>(BpmnElements.HOOKS));
    assertThat(configuration.isEnableSafeBpmnXml()).isTrue();
  }

  @Test
  void aRecordGoesThroughATwoStepFlowOverHttp() {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    admin.send("POST", "/api/v1/roles", "{'key':'gm','name':'GM'}");
    admin.send("POST", "/api/v1/departments", "{'id':'ops','name':'Ops'}");
    admin.send("POST", "/api/v1/users", "{'username':'olga','displayName':'Olga','password':'password-of-olga','departments':['ops']}");
    admin.send("POST", "/api/v1/users", "{'username':'mats','displayName':'Mats','password':'password-of-mats','departments':['ops']}");
    admin.send("POST", "/api/v1/users", "{'username':'gina','displayName':'Gina','password':'password-of-gina','roles':['gm']}");
    admin.send("PUT", "/api/v1/departments/ops", "{'id':'ops','name':'Ops','heads':['mats']}");
    admin.send("POST", "/api/v1/apps", "{'key':'ops','name':'Ops'}");
    admin.send("POST", "/api/v1/apps/ops/forms", "{'key':'trip','name':'Trip','fields':[{'key':'dest','type':'text','required':true},"
        + "{'key':'cost','type':'money'},{'key':'remark','type':'text'}]}");
    admin.send("POST", "/api/v1/apps/ops/forms/trip/publish", null);
    admin.send("PUT", "/api/v1/apps/ops/access", "{'admins':['user:admin'],'members':['everyone']}");
    admin.send("PUT", "/api/v1/apps/ops/forms/trip/permissions", "{'grants':[{'to':'everyone','operations':['SUBMIT','VIEW'],'scope':'ALL'}]}");

    var bad = admin.send("PUT", "/api/v1/apps/ops/forms/trip/flow", "{'nodes':[{'id':'m','type':'approve','assignee':{'kind':'role','role':'pope'}}]}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body().findValuesAsString("code")).contains("unknownRole");
    var saved = admin.send("PUT", "/api/v1/apps/ops/forms/trip/flow", "{'nodes':[{'id':'mgr','type':'approve','assignee':{'kind':'deptHead','level':1},"
        + "'fields':{'remark':'edit','cost':'hidden'}},{'id':'gm','type':'approve','assignee':{'kind':'role','role':'gm'}}]}");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.body().get("version").asInt()).isEqualTo(1);
    assertThat(admin.sendRaw("PUT", "/api/v1/apps/ops/forms/trip/flow", FlowXml.SCRIPT, "Content-Type", "application/xml").status()).isEqualTo(422);

    ApiClient olga = new ApiClient(port).login("olga", "password-of-olga");
    ApiClient mats = new ApiClient(port).login("mats", "password-of-mats");
    ApiClient gina = new ApiClient(port).login("gina", "password-of-gina");
    var record = olga.send("POST", "/api/v1/apps/ops/forms/trip/records", "{'data':{'dest':'Oslo','cost':900}}");
    String id = record.body().get("_id").asString();
    assertThat(record.body().get("status").asString()).isEqualTo("in_approval");

    var todo = mats.send("GET", "/api/v1/tasks", null).body();
    assertThat(todo.get("total").asInt()).isEqualTo(1);
    String task = todo.get("items").get(0).get("id").asString();
    assertThat(gina.send("POST", "/api/v1/tasks/" + task + "/approve", "{}").status()).as("not the assignee").isEqualTo(403);
    var view = mats.send("GET", "/api/v1/tasks/" + task, null);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body().get("node").get("id").asString()).isEqualTo("mgr");
    assertThat(view.body().get("formVersion").asInt()).isEqualTo(1);
    assertThat(view.body().get("readOnly").asBoolean()).isFalse();
    assertThat(view.body().get("actions").valueStream().map(a -> a.asString()).toList()).contains("approve", "reject", "return");
    assertThat(view.body().get("record").get("_id").asString()).isEqualTo(id);
    assertThat(view.body().get("record").get("data").has("cost")).as("hidden at this node").isFalse();
    assertThat(view.body().get("fields").propertyNames()).containsExactly("dest", "remark");
    assertThat(view.body().get("fields").get("remark").asString()).isEqualTo("edit");
    assertThat(view.body().toString()).doesNotContain("\"cost\"");
    assertThat(gina.send("GET", "/api/v1/tasks/" + task, null).status()).as("neither assignee nor admin").isEqualTo(403);
    assertThat(olga.send("GET", "/api/v1/tasks/" + task, null).status()).as("the initiator uses the record and timeline").isEqualTo(403);
    assertThat(mats.send("GET", "/api/v1/tasks/no-such-task", null).status()).isEqualTo(404);
    var asAdmin = admin.send("GET", "/api/v1/tasks/" + task, null).body();
    assertThat(asAdmin.get("readOnly").asBoolean()).isTrue();
    assertThat(asAdmin.get("fields").get("remark").asString()).isEqualTo("read");
    assertThat(mats.send("POST", "/api/v1/tasks/" + task + "/approve", "{'data':{'cost':1}}").status()).as("hidden field").isEqualTo(422);
    assertThat(mats.send("POST", "/api/v1/tasks/" + task + "/approve", "{'colour':'red'}").status()).isEqualTo(422);
    assertThat(mats.send("POST", "/api/v1/tasks/" + task + "/approve", "{'comment':'fine','data':{'remark':'checked'}}").status()).isEqualTo(204);
    assertThat(mats.send("POST", "/api/v1/tasks/" + task + "/approve", "{}").status()).as("already completed").isEqualTo(409);
    assertThat(mats.send("GET", "/api/v1/tasks/" + task, null).status()).as("a finished task is no longer open").isEqualTo(409);

    var svg = olga.getText("/api/v1/apps/ops/forms/trip/records/" + id + "/diagram.svg");
    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(svg.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(svgState(svg.raw().body(), "gm")).isEqualTo("active");
    assertThat(svgState(svg.raw().body(), "mgr")).isEqualTo("done");
    String instance = olga.send("GET", "/api/v1/apps/ops/forms/trip/records/" + id + "/diagram", null).body().get("processInstanceId").asString();
    assertThat(svgState(olga.getText("/api/v1/flows/instances/" + instance + "/diagram.svg").raw().body(), "gm")).isEqualTo("active");
    assertThat(olga.getText("/api/v1/flows/instances/nope/diagram.svg").status()).isEqualTo(404);
    assertThat(svgState(olga.getText("/api/v1/apps/ops/forms/trip/flow/diagram.svg").raw().body(), "gm")).isEqualTo("pending");
    assertThat(olga.getText("/api/v1/apps/ops/forms/trip/flow/diagram.svg?version=9").status()).isEqualTo(404);

    String second = gina.send("GET", "/api/v1/tasks", null).body().get("items").get(0).get("id").asString();
    assertThat(gina.send("POST", "/api/v1/tasks/" + second + "/approve", "{}").status()).isEqualTo(204);
    var after = olga.send("GET", "/api/v1/apps/ops/forms/trip/records/" + id, null).body();
    assertThat(after.get("status").asString()).isEqualTo("approved");
    assertThat(after.get("data").get("remark").asString()).isEqualTo("checked");

    assertThat(mats.send("GET", "/api/v1/tasks/counts", null).body().get("done").asInt()).isEqualTo(1);
    assertThat(olga.send("GET", "/api/v1/flows/started", null).body().get("items").get(0).get("outcome").asString()).isEqualTo("approved");
    assertThat(olga.send("GET", "/api/v1/apps/ops/forms/trip/records/" + id + "/timeline", null).body().findValuesAsString("action"))
        .containsExactly("submitted", "approve", "approve", "completed");
    var diagram = olga.send("GET", "/api/v1/apps/ops/forms/trip/records/" + id + "/diagram", null).body();
    assertThat(diagram.get("ended").asBoolean()).isTrue();
    assertThat(diagram.get("bpmnXml").asString()).contains("userTask");
  }

  /** The {@code data-state} of a node in a diagram, read with a real XML parser (DTDs off). */
  private static String svgState(String svg, String node) {
    try {
      var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      var doc = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)));
      assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
      var groups = doc.getElementsByTagName("g");
      for (int i = 0; i < groups.getLength(); i++) {
        var g = (org.w3c.dom.Element) groups.item(i);
        if (node.equals(g.getAttribute("data-node"))) {
          return g.getAttribute("data-state");
        }
      }
      throw new AssertionError("no node " + node + " in " + svg);
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
