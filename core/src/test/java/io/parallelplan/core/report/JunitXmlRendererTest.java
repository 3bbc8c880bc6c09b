package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.graph.PlanGraph;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlRendererTest {
    private static Element testcase(Document d, String name) {
        NodeList cases = d.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase named " + name);
    }

    @Test
    void shouldWriteOneTestCasePerAchievementWithJunitCounts() throws Exception {
        Document d = Xml.parse(new JunitXmlRenderer().render(ReportFixtures.run()));
        Element suites = d.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("Release \"2.0\" & <friends>");
        assertThat(suite.getAttribute("tests")).isEqualTo("8");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("4");
        assertThat(suite.getAttribute("time")).isEqualTo("376.000");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-03-02T09:00:00");
        assertThat(d.getElementsByTagName("testcase").getLength()).isEqualTo(8);
        assertThat(testcase(d, "1.1 Schema migration").getAttribute("time")).isEqualTo("95.000");
        assertThat(testcase(d, "1.1 Schema migration").getChildNodes().getLength()).isZero();
        assertThat(testcase(d, "1.1 Schema migration").getAttribute("classname")).isEqualTo(suite.getAttribute("name"));
    }

    @Test
    void shouldPutTheLogTailInTheFailureAndTheReasonInSkipped() throws Exception {
        Document d = Xml.parse(new JunitXmlRenderer().render(ReportFixtures.run()));
        Element failure = (Element) testcase(d, "2.1 Build " + ReportFixtures.HOSTILE_SCRIPT)
                .getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("FAILED: exit 2 after 2 attempts");
        assertThat(failure.getTextContent()).isEqualTo("compiling...\nerror: <b>boom</b> & more\n]]> end");
        Element blocked = (Element) testcase(d, "3.1 Deploy to staging").getElementsByTagName("skipped").item(0);
        assertThat(blocked.getAttribute("message")).isEqualTo("BLOCKED: blocked by 2.2 ← 2.1");
        Element cancelled = (Element) testcase(d, "3.2 Notify the team").getElementsByTagName("skipped").item(0);
        assertThat(cancelled.getAttribute("message")).isEqualTo("CANCELLED: the run was stopped");
        Element skipped = (Element) testcase(d, "1.3 Write the docs").getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("SKIPPED: already complete on the filesystem");
        Element flaky = testcase(d, "1.2 " + ReportFixtures.HOSTILE_IMG);
        assertThat(flaky.getElementsByTagName("failure").getLength()).isZero();
        assertThat(flaky.getElementsByTagName("skipped").getLength()).isZero();
        assertThat(flaky.getTextContent()).contains("FLAKY: passed on attempt 2");
        assertThat(d.getDocumentElement().getElementsByTagName("system-out").item(1).getTextContent())
                .contains("— FAILURE").contains("3.1 BLOCKED ← 2.2 BLOCKED ← 2.1 FAILED");
    }

    @Test
    void shouldReportAPlanWithoutARunAsNotRun() throws Exception {
        var plan = ReportFixtures.releasePlan();
        Document d = Xml.parse(new JunitXmlRenderer().render(
                ReportSnapshots.ofPlan(plan, PlanGraph.of(plan.achievements()))));
        Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("skipped")).isEqualTo("8");
        assertThat(suite.hasAttribute("timestamp")).isFalse();
        assertThat(((Element) d.getElementsByTagName("skipped").item(0)).getAttribute("message")).isEqualTo("not run");
    }

    @Test
    void shouldStayWellFormedWithControlCharactersAndRenderStably() throws Exception {
        var plan = io.parallelplan.core.model.Plan.of("ctl\u0001\u001b[31m", java.util.List.of(
                ReportFixtures.a("x", "bell\u0007 and \uD800 lone surrogate, 😀 kept", 1)));
        ReportSnapshot s = ReportSnapshots.ofPlan(plan, PlanGraph.of(plan.achievements()));
        String xml = new JunitXmlRenderer().render(s);
        Document d = Xml.parse(xml);
        assertThat(testcase(d, "x bell\uFFFD and \uFFFD lone surrogate, 😀 kept")).isNotNull();
        assertThat(xml).isEqualTo(new JunitXmlRenderer().render(s));
    }
}
