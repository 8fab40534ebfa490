package dev.tangram.engine.flows;

import java.util.List;

/** BPMN documents for the upload tests: one good, several hostile, one with many problems. */
final class FlowBpmn {

  private FlowBpmn() {}

  static String doc(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="test">
          <process id="uploaded" isExecutable="true">
        %s
          </process>
        </definitions>
        """.formatted(body);
  }

  static final String TWO_WAY = doc("""
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
        <exclusiveGateway id="gw" default="small"/>
        <sequenceFlow id="big" sourceRef="gw" targetRef="gm"><conditionExpression xsi:type="tFormalExpression">amount &gt; 1000</conditionExpression></sequenceFlow>
        <sequenceFlow id="small" sourceRef="gw" targetRef="mgr"/>
        <userTask id="gm" name="GM" flowable:candidateGroups="gm"/>
        <userTask id="mgr" name="Manager" flowable:assignee="bob"/>
        <sequenceFlow id="f2" sourceRef="gm" targetRef="end"/>
        <sequenceFlow id="f3" sourceRef="mgr" targetRef="end"/>
        <endEvent id="end"/>
      """);

  /** Two tasks drawn in a modeler: with BPMN DI, the review task at x=300, y=40. */
  static final String WITH_DI = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
          xmlns:flowable="http://flowable.org/bpmn" targetNamespace="test">
        <process id="drawn" isExecutable="true">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
          <userTask id="review" name="Review &lt;first&gt;" flowable:assignee="bob"/>
          <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
          <endEvent id="end"/>
        </process>
        <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="drawn">
          <bpmndi:BPMNShape id="s1" bpmnElement="start"><dc:Bounds x="100" y="50" width="30" height="30"/></bpmndi:BPMNShape>
          <bpmndi:BPMNShape id="s2" bpmnElement="review"><dc:Bounds x="300" y="40" width="100" height="50"/></bpmndi:BPMNShape>
          <bpmndi:BPMNShape id="s3" bpmnElement="end"><dc:Bounds x="500" y="50" width="30" height="30"/></bpmndi:BPMNShape>
          <bpmndi:BPMNEdge id="e1" bpmnElement="f1"><di:waypoint x="130" y="65"/><di:waypoint x="300" y="65"/></bpmndi:BPMNEdge>
          <bpmndi:BPMNEdge id="e2" bpmnElement="f2"><di:waypoint x="400" y="65"/><di:waypoint x="500" y="65"/></bpmndi:BPMNEdge>
        </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
      </definitions>
      """;

  private static String oneTask(String task) {
    return doc("""
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="t"/>
        %s
        <sequenceFlow id="f2" sourceRef="t" targetRef="end"/>
        <endEvent id="end"/>
      """.formatted(task));
  }

  static final List<String> HOSTILE = List.of(
      oneTask("<scriptTask id=\"t\" scriptFormat=\"javascript\"><script>java.lang.System.exit(1)</script></scriptTask>"),
      oneTask("<serviceTask id=\"t\" flowable:class=\"java.lang.Runtime\"/>"),
      oneTask("<serviceTask id=\"t\" flowable:expression=\"${execution.getEngineServices()}\"/>"),
      oneTask("<userTask id=\"t\" flowable:assignee=\"${''.getClass().forName('java.lang.Runtime')}\"/>"),
      oneTask("<userTask id=\"t\" flowable:assignee=\"${tangramCc}\"/>"),
      oneTask("<userTask id=\"t\" flowable:assignee=\"&#36;{execution.processEngineServices}\"/>"),
      oneTask("<userTask id=\"t\"><extensionElements><flowable:taskListener event=\"create\" class=\"java.lang.Object\"/></extensionElements></userTask>"),
      oneTask("<userTask id=\"t\" flowable:assignee=\"bob\" flowable:skipExpression=\"${true}\"/>"),
      """
      <?xml version="1.0"?>
      <!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
        <process id="p" isExecutable="true"><startEvent id="s" name="&xxe;"/></process>
      </definitions>
      """);

  static final String BROKEN = doc("""
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
        <exclusiveGateway id="gw"/>
        <sequenceFlow id="a" sourceRef="gw" targetRef="t1"><conditionExpression xsi:type="tFormalExpression">amount &gt;</conditionExpression></sequenceFlow>
        <sequenceFlow id="b" sourceRef="gw" targetRef="t2"><conditionExpression xsi:type="tFormalExpression">amount &lt; 5</conditionExpression></sequenceFlow>
        <userTask id="t1" flowable:candidateUsers="nobody"/>
        <userTask id="t2" flowable:candidateGroups="pope"/>
        <userTask id="orphan" flowable:assignee="bob"/>
        <sequenceFlow id="f2" sourceRef="t1" targetRef="end"/>
        <sequenceFlow id="f3" sourceRef="t2" targetRef="end"/>
        <sequenceFlow id="f4" sourceRef="orphan" targetRef="end"/>
        <endEvent id="end"/>
      """);
}
