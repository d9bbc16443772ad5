package io.opsdesk.templates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every place a BPMN model of this repository calls application code: a service task's delegate expression
 * or expression, an execution listener, a task listener. (Timer, condition and due-date expressions read
 * values; they are not steps a template stands for.)
 */
final class BpmnExpressions {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    record Use(String file, String element, String expression, boolean taskListener) {
        @Override
        public String toString() {
            return file + " " + element + ": " + expression + (taskListener ? " (task listener)" : "");
        }
    }

    private BpmnExpressions() {
    }

    static List<Use> inProcesses(Path dir) throws IOException {
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                Document model = parse(file);
                String name = file.getFileName().toString();
                NodeList tasks = model.getElementsByTagNameNS(BPMN, "serviceTask");
                for (int i = 0; i < tasks.getLength(); i++) {
                    Element task = (Element) tasks.item(i);
                    for (String attribute : List.of("delegateExpression", "expression")) {
                        String value = task.getAttributeNS(CAMUNDA, attribute);
                        if (!value.isEmpty()) {
                            uses.add(new Use(name, task.getAttribute("id"), value, false));
                        }
                    }
                }
                listeners(model, name, "executionListener", false, uses);
                listeners(model, name, "taskListener", true, uses);
            }
        }
        return uses;
    }

    private static void listeners(Document model, String file, String tag, boolean task, List<Use> uses) {
        NodeList listeners = model.getElementsByTagNameNS(CAMUNDA, tag);
        for (int i = 0; i < listeners.getLength(); i++) {
            Element listener = (Element) listeners.item(i);
            Element owner = (Element) listener.getParentNode().getParentNode();
            String value = listener.getAttribute("expression").isEmpty()
                    ? listener.getAttribute("delegateExpression") : listener.getAttribute("expression");
            uses.add(new Use(file, owner.getAttribute("id"), value, task));
        }
    }

    private static Document parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
