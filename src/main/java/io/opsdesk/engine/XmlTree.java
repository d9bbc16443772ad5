package io.opsdesk.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A read-only XML element tree with line numbers, enough for the guard's rules: namespace and local
 * name, attributes by {@code {namespace}local} or plain local name, text, children. No external entities.
 */
final class XmlTree {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String DMN_CAMUNDA = "http://camunda.org/schema/1.0/dmn";

    record Element(String namespace, String name, Map<String, String> attributes, List<Element> children,
                   StringBuilder text, int line, Element parent) {

        String attribute(String name) {
            return attributes.get(name);
        }

        String camunda(String name) {
            String value = attributes.get("{" + CAMUNDA + "}" + name);
            return value != null ? value : attributes.get("{" + DMN_CAMUNDA + "}" + name);
        }

        String id() {
            return attributes.get("id");
        }

        /** the id of this element or of the nearest ancestor that has one */
        String nearestId() {
            for (Element e = this; e != null; e = e.parent) {
                if (e.id() != null) {
                    return e.id();
                }
            }
            return null;
        }

        boolean is(String namespace, String name) {
            return namespace.equals(this.namespace) && name.equals(this.name);
        }

        void walk(Consumer<Element> visitor) {
            visitor.accept(this);
            children.forEach(child -> child.walk(visitor));
        }
    }

    private XmlTree() {
    }

    static Element parse(byte[] xml) throws SAXException, IOException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Builder builder = new Builder();
            factory.newSAXParser().parse(new ByteArrayInputStream(xml), builder);
            return builder.root;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Builder extends DefaultHandler {
        private final Deque<Element> open = new ArrayDeque<>();
        private Locator locator;
        private Element root;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                String ns = attributes.getURI(i);
                values.put(ns == null || ns.isEmpty() ? attributes.getLocalName(i) : "{" + ns + "}" + attributes.getLocalName(i),
                        attributes.getValue(i));
            }
            Element parent = open.peek();
            Element element = new Element(uri, localName, values, new ArrayList<>(), new StringBuilder(),
                    locator == null ? 0 : locator.getLineNumber(), parent);
            if (parent == null) {
                root = element;
            } else {
                parent.children().add(element);
            }
            open.push(element);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().text().append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }
    }
}
