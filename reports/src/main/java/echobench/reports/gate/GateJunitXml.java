package echobench.reports.gate;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The gate's verdicts as JUnit XML for CI systems: one test suite, one test case per rule and
 * matched dataset (class name = the rule, name = dataset / task), a failing verdict carrying a
 * {@code <failure>}.
 */
public final class GateJunitXml {
  /** The file name inside a run directory. */
  public static final String FILE_NAME = "gate-junit.xml";

  private GateJunitXml() {}

  /** The XML document. */
  public static String render(GateResult result) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "echobench gate: " + result.candidateModel() + " against "
          + result.baselineModel());
      xml.writeAttribute("tests", Integer.toString(result.verdicts().size()));
      xml.writeAttribute("failures", Long.toString(result.failures()));
      xml.writeAttribute("errors", "0");
      xml.writeCharacters("\n");
      for (GateVerdict v : result.verdicts()) {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "gate." + v.rule().name());
        xml.writeAttribute("name", v.dataset() + (v.task().isEmpty() ? "" : " / " + v.task()));
        if (!v.passed()) {
          xml.writeStartElement("failure");
          xml.writeAttribute("message", v.detail());
          xml.writeAttribute("type", "GateFailure");
          xml.writeCharacters("rule '" + v.rule().name() + "' (" + v.rule().check() + " of "
              + v.rule().metric() + ", max_worsening " + v.rule().maxWorsening() + "): baseline "
              + v.baseline() + ", candidate " + v.candidate() + ", worsening " + v.worsening());
          xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to a string cannot fail", e);
    }
    return out.append('\n').toString();
  }
}
