package echobench.reports.gate;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The gate's verdicts as JUnit XML for CI systems: one test suite, one test case per rule, model
 * and matched dataset (class name = the rule, name = model on dataset / task), a failing verdict
 * carrying a {@code <failure>} and a not comparable one a {@code <skipped>}.
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
      xml.writeAttribute("name", "echobench gate: " + String.join(", ", result.comparisons()));
      xml.writeAttribute("tests", Integer.toString(result.verdicts().size()));
      xml.writeAttribute("failures", Long.toString(result.failures()));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped",
          Long.toString(result.count(GateVerdict.Outcome.NOT_COMPARABLE)));
      xml.writeCharacters("\n");
      for (GateVerdict v : result.verdicts()) {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "gate." + v.rule().name());
        xml.writeAttribute("name", v.candidateModel() + " on " + v.dataset()
            + (v.task().isEmpty() ? "" : " / " + v.task()));
        if (v.outcome() == GateVerdict.Outcome.NOT_COMPARABLE) {
          xml.writeEmptyElement("skipped");
          xml.writeAttribute("message", "not comparable: " + v.detail());
        } else if (!v.passed()) {
          xml.writeStartElement("failure");
          xml.writeAttribute("message", v.detail());
          xml.writeAttribute("type", "GateFailure");
          xml.writeCharacters("rule '" + v.rule().name() + "' (" + v.rule().check() + " of "
              + v.rule().metric() + ", statistic " + v.rule().statistic() + ", max_worsening "
              + v.rule().maxWorsening() + "): " + v.baselineModel() + " " + v.baseline() + ", "
              + v.candidateModel() + " " + v.candidate() + ", worsening "
              + v.worsening().estimate() + " [" + v.worsening().low() + ", "
              + v.worsening().high() + "]");
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
