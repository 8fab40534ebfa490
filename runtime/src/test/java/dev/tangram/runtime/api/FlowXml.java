package dev.tangram.runtime.api;

/** An uploaded BPMN that tries to run a script: refused. */
final class FlowXml {

  private FlowXml() {}

  static final String SCRIPT = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
        <process id="p" isExecutable="true">
          <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
          <scriptTask id="t" scriptFormat="groovy"><script>"rm -rf /".execute()</script></scriptTask>
          <sequenceFlow id="f2" sourceRef="t" targetRef="e"/><endEvent id="e"/>
        </process>
      </definitions>
      """;
}
