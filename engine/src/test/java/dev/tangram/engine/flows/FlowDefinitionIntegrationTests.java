package dev.tangram.engine.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flow JSON and uploaded BPMN are checked completely before anything is deployed. */
class FlowDefinitionIntegrationTests {

  private static FlowTestNode node;

  @BeforeAll
  static void start() {
    node = new FlowTestNode("h2");
    node.expenseForm("fin");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static java.util.List<FieldError> problems(String flow) {
    try {
      node.deploy("fin", flow);
    } catch (ValidationException e) {
      return e.errors();
    }
    throw new AssertionError("deployed: " + flow);
  }

  @Test
  void aValidFlowDeploysAsANewVersionEachTime() {
    String flow = "{'nodes':[{'id':'mgr','type':'approve','assignee':{'kind':'deptHead','level':1}}]}";
    int first = node.deploy("fin", flow).version();
    DeployedFlow second = node.deploy("fin", flow);
    assertThat(second.version()).isEqualTo(first + 1);
    assertThat(second.format()).isEqualTo("json");
    assertThat(second.bpmnXml()).contains("userTask", "tangramResolve").doesNotContain("scriptTask");
  }

  @Test
  void everyProblemOfAFlowIsListedAtOnce() {
    var problems = problems("""
        {'nodes':[
          {'id':'mgr','type':'approve','assignee':{'kind':'user','users':['nobody']},'mode':'most'},
          {'id':'gm','type':'approve','assignee':{'kind':'role','role':'pope'}},
          {'type':'branch','branches':[{'when':'amount > ','nodes':[]},{'when':'amount > 10','nodes':[]}]},
          {'type':'branch','branches':[{'otherwise':true,'nodes':[]},{'when':'true','nodes':[]}]},
          {'id':'post','type':'action','plugin':'echo','action':'nope'},
          {'id':'x','type':'approve','assignee':{'kind':'field','field':'title'},'fields':{'ghost':'edit','title':'write'}},
          {'id':'gm','type':'cc','to':{'kind':'initiator'},'colour':'red'}]}""");
    assertThat(problems).extracting(FieldError::field, FieldError::code).contains(
        org.assertj.core.groups.Tuple.tuple("nodes[0].assignee.users", "unknownUser"),
        org.assertj.core.groups.Tuple.tuple("nodes[0].mode", "enum"),
        org.assertj.core.groups.Tuple.tuple("nodes[1].assignee.role", "unknownRole"),
        org.assertj.core.groups.Tuple.tuple("nodes[2].branches[0].when", "syntax"),
        org.assertj.core.groups.Tuple.tuple("nodes[2].branches", "noDefault"),
        org.assertj.core.groups.Tuple.tuple("nodes[3].branches[1]", "unreachable"),
        org.assertj.core.groups.Tuple.tuple("nodes[4].action", "unknownAction"),
        org.assertj.core.groups.Tuple.tuple("nodes[5].assignee.field", "fieldType"),
        org.assertj.core.groups.Tuple.tuple("nodes[5].fields.ghost", "unknownField"),
        org.assertj.core.groups.Tuple.tuple("nodes[5].fields.title", "enum"),
        org.assertj.core.groups.Tuple.tuple("nodes[6].id", "duplicate"),
        org.assertj.core.groups.Tuple.tuple("nodes[6].colour", "unknownField"));
    assertThat(problems.stream().filter(p -> p.code().equals("syntax")).findFirst().orElseThrow().message())
        .contains("line 1");
  }

  @Test
  void aRefusedFlowDeploysNothing() {
    long before = node.engine.getRepositoryService().createDeploymentQuery().count();
    problems("{'nodes':[{'id':'a','type':'approve','assignee':{'kind':'role','role':'pope'}}]}");
    assertThat(node.engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void plainBpmnIsAcceptedAndItsGatewayConditionsRunInTheSandbox() {
    DeployedFlow flow = node.flows.definitions().deploy("fin", "expense", FlowBpmn.TWO_WAY, FlowTestNode.ADMIN);
    assertThat(flow.format()).isEqualTo("bpmn");
    assertThat(flow.bpmnXml()).contains("tangramRoute", "tg_c_big").doesNotContain("amount &gt; 1000}");
  }

  @Test
  void uploadedBpmnThatCouldRunCodeIsRefused() {
    for (String hostile : FlowBpmn.HOSTILE) {
      assertThatThrownBy(() -> node.flows.definitions().deploy("fin", "expense", hostile, FlowTestNode.ADMIN))
          .as(hostile).isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::code)
              .containsAnyOf("forbiddenElement", "forbiddenAttribute", "forbiddenExpression", "doctype", "xml"));
    }
  }

  @Test
  void uploadedBpmnProblemsAreListed() {
    var problems = assertThatThrownBy(() -> node.flows.definitions().deploy("fin", "expense", FlowBpmn.BROKEN, FlowTestNode.ADMIN))
        .isInstanceOf(ValidationException.class).actual();
    assertThat(((ValidationException) problems).errors()).extracting(FieldError::code)
        .contains("unreachable", "unknownUser", "unknownRole", "noDefault", "syntax");
  }
}
